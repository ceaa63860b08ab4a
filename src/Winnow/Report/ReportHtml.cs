using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Winnow.Report;

/// <summary>
/// Assembles the self-contained page: inline CSS, the data as <c>application/json</c>, and the
/// inline script allowed by a Content-Security-Policy hash, so no other script (injected or
/// linked) could run and nothing is fetched from the network.
/// </summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal static class ReportHtml
{
    private static readonly Lazy<string> Css = new(() => Asset("report.css"));
    private static readonly Lazy<string> Script = new(() =>
    {
        var script = "\n" + Asset("report.js") + "\n" + Asset("sections.js") + "\n";
        if (script.Contains("</script", StringComparison.OrdinalIgnoreCase) || script.Contains("<!--", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("report script must not contain </script or <!--");
        }

        return script;
    });

    public static void Write(Stream output, byte[] dataJson, string title)
    {
        var script = Script.Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var csp = $"default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
        var head = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="{csp}">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>Winnow report: {WebUtility.HtmlEncode(title)}</title>
            <style>
            {Css.Value}</style>
            </head>
            <body>
            <header><h1 id="title">Winnow run report</h1><div class="sub" id="sub"></div></header>
            <nav></nav>
            <main><noscript>This report needs JavaScript (inline, no network).</noscript></main>
            <script type="application/json" id="winnow-data">
            """;
        var utf8 = new UTF8Encoding(false);
        output.Write(utf8.GetBytes(head.Replace("\r\n", "\n", StringComparison.Ordinal)));
        output.Write(dataJson);
        output.Write(utf8.GetBytes("\n</script>\n<script>" + script + "</script>\n</body>\n</html>\n"));
    }

    private static string Asset(string name)
    {
        using var stream = typeof(ReportHtml).Assembly.GetManifestResourceStream("Winnow.Report.Assets." + name)
            ?? throw new InvalidOperationException("missing report asset " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
