namespace Checkout;

/// <summary>
/// Reads the server to talk to from FLUTTERWAVE_* environment variables: all four required ones, or none (then the
/// sample starts its embedded sandbox). Error messages name variables and never show a value.
/// </summary>
internal sealed class EnvironmentSettings
{
    /// <summary>The OAuth2 client id.</summary>
    public const string ClientIdVariable = "FLUTTERWAVE_CLIENT_ID";

    /// <summary>The OAuth2 client secret.</summary>
    public const string ClientSecretVariable = "FLUTTERWAVE_CLIENT_SECRET";

    /// <summary>The card encryption key.</summary>
    public const string EncryptionKeyVariable = "FLUTTERWAVE_ENCRYPTION_KEY";

    /// <summary>The API's base URL.</summary>
    public const string BaseUrlVariable = "FLUTTERWAVE_BASE_URL";

    /// <summary>Optional: the OAuth2 token endpoint.</summary>
    public const string TokenUrlVariable = "FLUTTERWAVE_TOKEN_URL";

    /// <summary>Optional: the one-time code to answer <c>requires_otp</c> with.</summary>
    public const string TestOtpVariable = "FLUTTERWAVE_TEST_OTP";

    /// <summary>The one-time code when <see cref="TestOtpVariable"/> is not set: the offline sandbox's.</summary>
    public const string SandboxOneTimeCode = "123456";

    /// <summary>The four variables that are set together or not at all.</summary>
    public static readonly IReadOnlyList<string> RequiredVariables = [ClientIdVariable, ClientSecretVariable, EncryptionKeyVariable, BaseUrlVariable];

    private EnvironmentSettings(ServerConnection? connection, string? error)
    {
        Connection = connection;
        Error = error;
    }

    /// <summary>The server named by the variables; <see langword="null"/> when none are set or they are unusable.</summary>
    public ServerConnection? Connection { get; }

    /// <summary>Why the variables cannot be used (naming them, never their values); <see langword="null"/> when fine.</summary>
    public string? Error { get; }

    /// <summary>Whether no variable is set: start the embedded sandbox.</summary>
    public bool UseEmbeddedSandbox => Connection is null && Error is null;

    /// <summary>Reads the variables.</summary>
    /// <param name="variable">Looks a variable up (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <returns>The settings: a connection, the embedded sandbox, or an error.</returns>
    public static EnvironmentSettings Read(Func<string, string?> variable)
    {
        string? Get(string name) => variable(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var missing = RequiredVariables.Where(name => Get(name) is null).ToList();
        if (missing.Count == RequiredVariables.Count)
        {
            return new EnvironmentSettings(null, null);
        }

        if (missing.Count > 0)
        {
            return new EnvironmentSettings(null,
                $"Set all of {string.Join(", ", RequiredVariables)} to use your own server, or none of them to use the embedded sandbox. Missing: {string.Join(", ", missing)}.");
        }

        if (!TryReadHttpUri(Get(BaseUrlVariable)!, out var baseAddress))
        {
            return new EnvironmentSettings(null, $"{BaseUrlVariable} must be an absolute http or https URL.");
        }

        Uri? tokenEndpoint = null;
        if (Get(TokenUrlVariable) is { } tokenUrl)
        {
            if (!TryReadHttpUri(tokenUrl, out tokenEndpoint))
            {
                return new EnvironmentSettings(null, $"{TokenUrlVariable} must be an absolute http or https URL.");
            }
        }
        else if (baseAddress.IsLoopback)
        {
            // A server on this machine is a sandbox (this repository's, or one like it): its token endpoint sits beside the API.
            tokenEndpoint = new Uri(baseAddress, "oauth/token");
        }

        return new EnvironmentSettings(new ServerConnection
        {
            BaseAddress = baseAddress,
            TokenEndpoint = tokenEndpoint,
            ClientId = Get(ClientIdVariable)!,
            ClientSecret = Get(ClientSecretVariable)!,
            EncryptionKey = Get(EncryptionKeyVariable)!,
            OneTimeCode = Get(TestOtpVariable) ?? SandboxOneTimeCode,
        }, null);
    }

    private static bool TryReadHttpUri(string text, out Uri uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
        {
            // Operation paths are appended to the base: without a trailing slash its last segment would be replaced.
            uri = parsed.AbsoluteUri.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
            return true;
        }

        uri = null!;
        return false;
    }
}
