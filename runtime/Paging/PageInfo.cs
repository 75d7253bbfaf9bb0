using System.Text.Json;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Runtime.Paging;

/// <summary>Paging information from a list envelope's <c>meta.page_info</c>.</summary>
/// <param name="Total">The number of items in the whole list.</param>
/// <param name="CurrentPage">This page's number, from 1.</param>
/// <param name="TotalPages">The number of pages.</param>
public sealed record PageInfo(long? Total, int? CurrentPage, int? TotalPages)
{
    /// <summary>Reads <c>page_info</c> from a <c>meta</c> object; other members are skipped.</summary>
    /// <param name="reader">The reader, on the <c>meta</c> object's start.</param>
    /// <returns>The paging information, or <see langword="null"/> when <c>meta</c> has none.</returns>
    internal static PageInfo? ReadFromMeta(ref Utf8JsonReader reader)
    {
        PageInfo? result = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var isPageInfo = reader.ValueTextEquals("page_info"u8);
            reader.Read();
            if (isPageInfo && reader.TokenType == JsonTokenType.StartObject)
            {
                result = ReadPageInfo(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return result;
    }

    private static PageInfo ReadPageInfo(ref Utf8JsonReader reader)
    {
        long? total = null;
        int? current = null;
        int? pages = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.ValueTextEquals("total"u8) ? 1 : reader.ValueTextEquals("current_page"u8) ? 2 : reader.ValueTextEquals("total_pages"u8) ? 3 : 0;
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null || name == 0)
            {
                reader.Skip();
                continue;
            }

            switch (name)
            {
                case 1: total = JsonCodec.ReadInt64(ref reader); break;
                case 2: current = JsonCodec.ReadInt32(ref reader); break;
                default: pages = JsonCodec.ReadInt32(ref reader); break;
            }
        }

        return new PageInfo(total, current, pages);
    }
}
