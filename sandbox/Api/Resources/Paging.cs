using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary>
/// The two list styles of the payout and post-payment resources, exactly as the spec declares them: page numbers
/// (<c>page</c>, <c>size</c> 10-50, <c>meta.page_info</c>) and cursors (<c>next</c>/<c>previous</c>, <c>size</c>,
/// <c>data.cursor</c>). Both take items newest first.
/// </summary>
internal static class Paging
{
    private const int DefaultSize = 10;
    private const string CursorPrefix = "o:";

    /// <summary>One numbered page, optionally limited to <c>from</c>..<c>to</c> (inclusive) on the creation time.</summary>
    public static OperationResult Numbered<T>(
        OperationContext c, IEnumerable<T> newestFirst, Func<T, DateTimeOffset> created, Func<T, JsonNode> view, string message)
    {
        var size = c.QueryInt("size", DefaultSize);
        var page = c.QueryInt("page", 1);
        var all = InPeriod(c, newestFirst, created).ToList();
        var data = new JsonArray();
        var skip = (long)(page - 1) * size;
        foreach (var item in skip < all.Count ? all.Skip((int)skip).Take(size) : [])
        {
            data.Add(view(item));
        }

        var meta = new JsonObject
        {
            ["page_info"] = new JsonObject { ["total"] = all.Count, ["current_page"] = page, ["total_pages"] = (all.Count + size - 1) / size },
        };
        return new OperationResult(200, message, data, meta);
    }

    /// <summary>
    /// One cursor page: <c>{ itemsKey: [...], cursor: { next, previous, limit, total, has_more_items } }</c>. A cursor is
    /// the base64 of the offset of its page's first item (a sandbox choice; the API's cursors are opaque too), so a
    /// list that grows between calls may shift by the new items.
    /// </summary>
    public static JsonObject Cursor<T>(OperationContext c, IReadOnlyList<T> newestFirst, string itemsKey, Func<T, JsonNode> view)
    {
        var size = c.QueryInt("size", DefaultSize);
        var next = c.Query("next");
        var previous = c.Query("previous");
        if (next is not null && previous is not null)
        {
            throw ApiProblem.Pagination("Send either next or previous, not both.");
        }

        var offset = Math.Min((next ?? previous) is { } cursor ? Decode(cursor) : 0, newestFirst.Count);
        var items = new JsonArray();
        for (var i = offset; i < newestFirst.Count && i < offset + size; i++)
        {
            items.Add(view(newestFirst[i]));
        }

        var hasMore = offset + size < newestFirst.Count;
        return new JsonObject
        {
            [itemsKey] = items,
            ["cursor"] = new JsonObject
            {
                ["next"] = hasMore ? Encode(offset + size) : null,
                ["previous"] = offset > 0 ? Encode(Math.Max(0, offset - size)) : null,
                ["limit"] = size,
                ["total"] = newestFirst.Count,
                ["has_more_items"] = hasMore,
            },
        };
    }

    /// <summary>The items whose time falls in the query's <c>from</c>..<c>to</c>, both inclusive and both optional.</summary>
    public static IEnumerable<T> InPeriod<T>(OperationContext c, IEnumerable<T> items, Func<T, DateTimeOffset> time)
    {
        var from = c.QueryDate("from");
        var to = c.QueryDate("to");
        return items.Where(i => (from is null || time(i) >= from) && (to is null || time(i) <= to));
    }

    private static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(CursorPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string cursor)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            if (text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw ApiProblem.Pagination("The cursor is not one this list gave out; send back cursor.next or cursor.previous unchanged.");
    }
}
