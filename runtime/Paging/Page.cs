using System;
using System.Collections;
using System.Collections.Generic;

namespace Flutterwave.Runtime.Paging;

/// <summary>One page of a list operation: its items and the paging information the server sent.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class Page<T> : IReadOnlyList<T>
{
    /// <summary>Creates a page.</summary>
    /// <param name="items">The items.</param>
    /// <param name="pageInfo">The paging information, when the server sent it.</param>
    public Page(IReadOnlyList<T> items, PageInfo? pageInfo)
    {
        Items = items ?? throw new ArgumentNullException(nameof(items));
        PageInfo = pageInfo;
    }

    /// <summary>The items on this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>Where this page sits in the whole list (<c>meta.page_info</c>), or <see langword="null"/> when absent.</summary>
    public PageInfo? PageInfo { get; }

    /// <summary>Whether the server reports pages after this one.</summary>
    public bool HasNextPage => PageInfo is { CurrentPage: { } current, TotalPages: { } total } && current < total;

    /// <inheritdoc />
    public int Count => Items.Count;

    /// <inheritdoc />
    public T this[int index] => Items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
