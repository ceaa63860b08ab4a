namespace Winnow.Extraction;

/// <summary>
/// A table written as a Markdown pipe table: its rows (not those of tables nested in it), the
/// widest row's cell count as the column count, the first row as the header. Only data tables
/// qualify: two or more rows with text in two or more cells, and no cell holding lists,
/// headings, tables, quotes, code, two paragraphs or over 400 characters — those lay a page out
/// (or hold images and spacers), and are written as their blocks.
/// </summary>
internal sealed class MarkdownTable
{
    private const int MaxCellChars = 400;

    private MarkdownTable(ContentNode node, int columns)
    {
        Node = node;
        Columns = columns;
    }

    public ContentNode Node { get; }

    public int Columns { get; }

    /// <summary>Rows started so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Cells written in the current row.</summary>
    public int Cells { get; set; }

    /// <summary>The table as a data table, or null when it lays out blocks.</summary>
    public static MarkdownTable? Of(ContentNode table)
    {
        var columns = 0;
        var rowsWithData = 0;
        var stack = new Stack<ContentNode>();
        Push(stack, table);
        while (stack.TryPop(out var node))
        {
            if (node.Tag == "tr")
            {
                var cells = 0;
                var filled = 0;
                foreach (var cell in node.Children ?? [])
                {
                    if (cell.Tag is "td" or "th" && !cell.Dropped)
                    {
                        cells++;
                        if (cell.Chars > MaxCellChars || HoldsBlocks(cell))
                        {
                            return null;
                        }

                        filled += cell.Chars > 0 ? 1 : 0;
                    }
                }

                rowsWithData += filled >= 2 ? 1 : 0;
                columns = Math.Max(columns, cells);
            }
            else if (node.Tag != "table")
            {
                Push(stack, node);
            }
        }

        return rowsWithData >= 2 ? new MarkdownTable(table, columns) : null;
    }

    public void StartRow()
    {
        Rows++;
        Cells = 0;
    }

    /// <summary>True for a row of this table (not of a table nested in it).</summary>
    public bool Owns(ContentNode row)
    {
        for (var p = row.Parent; p is not null; p = p.Parent)
        {
            if (p.Tag == "table")
            {
                return p == Node;
            }
        }

        return false;
    }

    public bool OwnsCell(ContentNode cell) => cell.Parent is { Tag: "tr" } row && Owns(row);

    private static bool HoldsBlocks(ContentNode cell)
    {
        var paragraphs = 0;
        var stack = new Stack<ContentNode>();
        Push(stack, cell);
        while (stack.TryPop(out var node))
        {
            if (node.Tag is "table" or "ul" or "ol" or "dl" or "pre" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
                || (node.Tag == "p" && ++paragraphs > 1))
            {
                return true;
            }

            Push(stack, node);
        }

        return false;
    }

    private static void Push(Stack<ContentNode> stack, ContentNode node)
    {
        foreach (var child in node.Children ?? [])
        {
            if (child.Tag is not null && !child.Dropped)
            {
                stack.Push(child);
            }
        }
    }
}
