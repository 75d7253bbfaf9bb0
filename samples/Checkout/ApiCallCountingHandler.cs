namespace Checkout;

/// <summary>An HTTP handler added to the Flutterwave client's pipeline that feeds an <see cref="ApiCallCounter"/>.</summary>
internal sealed class ApiCallCountingHandler : DelegatingHandler
{
    private readonly ApiCallCounter _counter;
    private readonly Uri _baseAddress;

    /// <summary>Creates the handler.</summary>
    /// <param name="counter">Where requests are counted.</param>
    /// <param name="baseAddress">The API's base address, stripped from paths.</param>
    public ApiCallCountingHandler(ApiCallCounter counter, Uri baseAddress)
    {
        _counter = counter;
        _baseAddress = baseAddress;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            var path = _baseAddress.IsBaseOf(uri) ? _baseAddress.MakeRelativeUri(new Uri(uri.GetLeftPart(UriPartial.Path))).OriginalString : uri.AbsolutePath;
            _counter.Record(request.Method.Method, path);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
