using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Winnow.Extraction.Html;

/// <summary>
/// Copies an AngleSharp document into the light tree (the reference path), keeping the same
/// attributes the fast parser keeps, so that everything after parsing is shared.
/// </summary>
/// <remarks>Thread-safe: stateless.</remarks>
internal static class AngleSharpTreeReader
{
    public static HtmlDocumentTree Read(IHtmlDocument document)
    {
        var root = Copy(document.DocumentElement);
        HtmlNode? head = null;
        HtmlNode? body = null;
        var stack = new Stack<(INode Source, HtmlNode Target)>();
        stack.Push((document.DocumentElement, root));
        while (stack.Count > 0)
        {
            var (source, target) = stack.Pop();
            var children = source.ChildNodes;
            var pending = new List<(INode, HtmlNode)>();
            var keepsText = source is not IElement parent || HtmlTags.KeepsRawText(parent.LocalName, parent.GetAttribute("type"));
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is IText text)
                {
                    if (keepsText)
                    {
                        target.Add(new HtmlNode(null, text.Data));
                    }
                }
                else if (children[i] is IElement element)
                {
                    var node = Copy(element);
                    target.Add(node);
                    pending.Add((element, node));
                    if (ReferenceEquals(element, document.Head))
                    {
                        head = node;
                    }
                    else if (ReferenceEquals(element, document.Body))
                    {
                        body = node;
                    }
                }
            }

            for (var i = pending.Count - 1; i >= 0; i--)
            {
                stack.Push(pending[i]);
            }
        }

        if (head is null)
        {
            head = new HtmlNode("head", null);
            root.Prepend(head);
        }

        if (body is null)
        {
            body = new HtmlNode("body", null);
            root.Add(body);
        }

        return new HtmlDocumentTree(root, head, body);
    }

    private static HtmlNode Copy(IElement element)
    {
        var node = new HtmlNode(element.LocalName, null);
        foreach (var attribute in element.Attributes)
        {
            if (HtmlAttributeNames.Lookup(attribute.Name) is { } name)
            {
                node.SetAttributeIfMissing(name, attribute.Value);
            }
        }

        return node;
    }
}
