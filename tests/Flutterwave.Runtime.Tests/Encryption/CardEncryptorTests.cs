using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Flutterwave.Runtime.Encryption;

namespace Flutterwave.Runtime.Tests.Encryption;

/// <summary>
/// <see cref="CardEncryptor"/> against the facts: AES-256-GCM, 12-character alphanumeric nonce as the IV,
/// base64(ciphertext || tag). Wire compatibility is shown with vectors computed by Node's crypto, and with a live
/// round trip through Node where it is installed. Assertions compare booleans and lengths, never print keys or cards.
/// </summary>
public sealed class CardEncryptorTests
{
    // Bytes 0x00..0x1f: a fake key for fixed vectors only.
    private const string VectorKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    // Computed once outside .NET with Node 20's crypto:
    //   const c = crypto.createCipheriv("aes-256-gcm", key, Buffer.from(nonce, "utf8"), { authTagLength: 16 });
    //   Buffer.concat([c.update(plaintext, "utf8"), c.final(), c.getAuthTag()]).toString("base64")
    [Theory]
    [InlineData("AbCdEf123456", "4111111111111111", "Fiwyc+Ec4mgx0cRvgu1Y3f/aRv2bgTXQwfflc4lZ0m4=")]
    [InlineData("AbCdEf123456", "12", "Ey8u/ls9QcF9RFTtgynEpeMl")]
    [InlineData("Zz09Zz09Zz09", "1234", "Ud/k8j+2qb40kmuI2bCOXn4F7hQ=")]
    public void Encrypt_MatchesVectorsComputedWithNode(string nonce, string plaintext, string expected)
    {
        var encryptor = CardEncryptor.FromBase64Key(VectorKey);

        var wire = encryptor.Encrypt(nonce, plaintext);

        Assert.True(wire == expected);
    }

    [Fact]
    public void Encrypt_RoundTripsThroughDotNetsAesGcm_WithTheTagAppended()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var encryptor = new CardEncryptor(key);
        var nonce = encryptor.CreateNonce();

        var data = Convert.FromBase64String(encryptor.Encrypt(nonce, "4111111111111111"));

        Assert.Equal(16 + 16, data.Length);
        var plain = new byte[16];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, 16), data.AsSpan(16), plain);
        Assert.True(Encoding.UTF8.GetString(plain) == "4111111111111111");
    }

    [Fact]
    public void Encrypt_UnderAnotherKey_DoesNotDecrypt()
    {
        var encryptor = new CardEncryptor(RandomNumberGenerator.GetBytes(32));
        var nonce = encryptor.CreateNonce();
        var data = Convert.FromBase64String(encryptor.Encrypt(nonce, "3310"));

        using var aes = new AesGcm(RandomNumberGenerator.GetBytes(32), 16);
        Assert.ThrowsAny<CryptographicException>(() => aes.Decrypt(Encoding.UTF8.GetBytes(nonce), data.AsSpan(0, 4), data.AsSpan(4), new byte[4]));
    }

    [Fact]
    public void CreateNonce_Is12AlphanumericCharacters_Distinct_AndCoversTheAlphabet()
    {
        var encryptor = new CardEncryptor(new byte[32]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var characters = new HashSet<char>();

        for (var i = 0; i < 5000; i++)
        {
            var nonce = encryptor.CreateNonce();
            Assert.Equal(CardEncryptor.NonceLength, nonce.Length);
            Assert.True(nonce.All(c => Alphabet.Contains(c, StringComparison.Ordinal)), "nonce outside A-Z a-z 0-9");
            seen.Add(nonce);
            characters.UnionWith(nonce);
        }

        // 62^12 values: a repeat in 5000 draws would mean a broken generator. 60 000 characters cover all 62
        // letters unless the draw is biased (the chance that a fair draw misses one is below 1e-400).
        Assert.Equal(5000, seen.Count);
        Assert.Equal(Alphabet.Length, characters.Count);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("AbCdEf12345")]
    [InlineData("AbCdEf1234567")]
    [InlineData("AbCdEf12345+")]
    [InlineData("AbCdEf12345/")]
    [InlineData("AbCdEf12345é")]
    [InlineData("AbCdEf 12345")]
    public void Encrypt_RejectsANonceThatIsNot12AsciiLettersOrDigits(string nonce)
    {
        var encryptor = new CardEncryptor(new byte[32]);

        var error = Assert.Throws<ArgumentException>(() => encryptor.Encrypt(nonce, "3310"));

        Assert.Equal("nonce", error.ParamName);
        Assert.DoesNotContain("3310", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void FromBase64Key_OfTheWrongLength_Fails_WithoutTheKeyInTheMessage(int length)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(length));

        var error = Assert.Throws<ArgumentException>(() => CardEncryptor.FromBase64Key(key));

        Assert.Contains("32 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(key.Length == 0 || !error.Message.Contains(key, StringComparison.Ordinal));
        Assert.False(CardEncryptor.IsValidBase64Key(key, out var reason));
        Assert.True(reason is not null && (key.Length == 0 || !reason.Contains(key, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("FLWSECK_TEST-0123456789abcdef0123456789abcdef-X")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8")]
    public void FromBase64Key_ThatIsNotBase64_Fails_WithoutTheKeyInTheMessage(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => CardEncryptor.FromBase64Key(key));

        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
        Assert.False(error.Message.Contains(key, StringComparison.Ordinal));
        Assert.False(CardEncryptor.IsValidBase64Key(key, out var reason));
        Assert.True(reason is not null && !reason.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void FromBase64Key_Accepts32Bytes_AndToStringHidesTheKey()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        var encryptor = CardEncryptor.FromBase64Key(key);

        Assert.True(CardEncryptor.IsValidBase64Key(key, out var reason));
        Assert.Null(reason);
        Assert.False(encryptor.ToString().Contains(key, StringComparison.Ordinal));
        Assert.False(CardEncryptor.IsValidBase64Key(null, out _));
    }

    [Fact]
    public void Constructor_RejectsRawKeysThatAreNot32Bytes()
    {
        Assert.Throws<ArgumentException>(() => new CardEncryptor(new byte[31]));
        Assert.Throws<ArgumentException>(() => new CardEncryptor(new byte[64]));
    }

    [SkippableFact]
    public async Task Encrypt_IsDecryptedByNodesCrypto()
    {
        var node = FindOnPath("node");
        Skip.If(node is null, "node is not on PATH: the live interop check needs it (the Node-computed vectors above still run).");

        var key = RandomNumberGenerator.GetBytes(32);
        var encryptor = new CardEncryptor(key);
        var nonce = encryptor.CreateNonce();
        const string plaintext = "4111111111111111";
        var wire = encryptor.Encrypt(nonce, plaintext);

        // Node decrypts with the facts' scheme and prints the plaintext; inputs travel in environment variables.
        const string script = """
            const crypto = require("crypto");
            const key = Buffer.from(process.env.FLW_KEY, "base64");
            const data = Buffer.from(process.env.FLW_WIRE, "base64");
            const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(process.env.FLW_NONCE, "utf8"), { authTagLength: 16 });
            decipher.setAuthTag(data.subarray(data.length - 16));
            process.stdout.write(Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8"));
            """;
        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        start.Environment["FLW_KEY"] = Convert.ToBase64String(key);
        start.Environment["FLW_NONCE"] = nonce;
        start.Environment["FLW_WIRE"] = wire;

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await errors);
        Assert.True(await output == plaintext, "Node's decryption differs from the plaintext");
    }

    private static string? FindOnPath(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd" } : new[] { name };
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }
}
