using Flutterwave.Runtime.Encryption;

namespace Flutterwave.Runtime.Tests.Encryption;

public sealed class CardEncryptorCacheTests
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());

    [Fact]
    public void SameClientAndKey_ShareOneEncryptor_AChangedKeyGetsANewOne()
    {
        var cache = new CardEncryptorCache();

        var first = cache.Get("FlutterwaveClient", KeyA);
        var again = cache.Get("FlutterwaveClient", KeyA);
        var otherClient = cache.Get("OtherClient", KeyA);
        var reloaded = cache.Get("FlutterwaveClient", KeyB);

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotSame(first, otherClient);
        Assert.NotSame(first, reloaded);
        Assert.Same(reloaded, cache.Get("FlutterwaveClient", KeyB));
        Assert.Null(cache.Get("FlutterwaveClient", null));
    }
}
