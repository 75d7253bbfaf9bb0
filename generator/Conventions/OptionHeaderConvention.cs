using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Flutterwave.Codegen.Model;

namespace Flutterwave.Codegen.Conventions;

/// <summary>
/// Header parameters that carry a per-call <c>RequestOptions</c> value rather than a method parameter: the
/// idempotency key, the trace id and (Flutterwave) the scenario key. A header gets that role by its
/// <c>x-codegen-header</c> extension (<c>idempotency-key</c>, <c>trace-id</c>, <c>scenario-key</c>) or by its name
/// (<c>Idempotency-Key</c>, <c>X-Idempotency-Key</c>, <c>X-Trace-Id</c>; <c>X-Scenario-Key</c> in the Flutterwave
/// profile only). The header keeps the name and the rules (<c>minLength</c>, <c>maxLength</c>, <c>pattern</c>,
/// <c>required</c>) the operation declares. Nothing is added here: an operation that declares no such header sends none.
/// </summary>
internal static class OptionHeaderConvention
{
    public const string IdempotencyRole = "idempotency-key";
    public const string TraceRole = "trace-id";
    public const string ScenarioRole = "scenario-key";

    /// <summary>The length of a generated key: 32 characters, as a GUID in hexadecimal without hyphens.</summary>
    public const int GeneratedLength = 32;

    /// <summary>The operation without its role headers among the parameters, and the declared headers by role.</summary>
    public static (EquatableArray<ParameterModel> Parameters, OptionHeaderModel? Idempotency, OptionHeaderModel? Trace, OptionHeaderModel? Scenario) Split(
        OperationModel operation, ConventionProfile profile)
    {
        OptionHeaderModel? idempotency = null, trace = null, scenario = null;
        var remaining = new List<ParameterModel>();
        foreach (var parameter in operation.Parameters)
        {
            var role = parameter.Location == ParameterLocation.Header && parameter.Type.Kind == TypeKind.String ? RoleOf(parameter, profile) : null;
            switch (role)
            {
                case IdempotencyRole when idempotency is null:
                    idempotency = Declared(parameter, generate: true);
                    continue;
                case TraceRole when trace is null:
                    trace = Declared(parameter, generate: true);
                    continue;
                case ScenarioRole when scenario is null:
                    scenario = Declared(parameter, generate: false);
                    continue;
            }

            remaining.Add(parameter);
        }

        return (remaining.ToEquatableArray(), idempotency, trace, scenario);
    }

    /// <summary>
    /// Whether a generated key (<see cref="GeneratedLength"/> hexadecimal characters, cut or lengthened to fit the
    /// length limits) always meets the rules; a header whose rules it might break is never filled automatically.
    /// </summary>
    public static bool CanGenerate(int? minLength, int? maxLength, string? pattern)
    {
        if (maxLength is < 1 || (minLength is { } min && maxLength is { } max && min > max))
        {
            return false;
        }

        if (pattern is null)
        {
            return true;
        }

        var length = Math.Max(minLength ?? 1, Math.Min(maxLength ?? GeneratedLength, GeneratedLength));
        try
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new[] { "0123456789abcdef", "0", "f", "a9" }.All(sample => regex.IsMatch(Repeat(sample, length)));
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>The pattern if .NET can check it, else <see langword="null"/> (the length rules still apply).</summary>
    public static string? CheckablePattern(string? pattern)
    {
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return pattern;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? RoleOf(ParameterModel parameter, ConventionProfile profile)
    {
        if (parameter.RoleHint is { } hint)
        {
            foreach (var role in new[] { IdempotencyRole, TraceRole, ScenarioRole })
            {
                if (string.Equals(hint, role, StringComparison.OrdinalIgnoreCase))
                {
                    return role;
                }
            }
        }

        switch (parameter.ApiName.ToLowerInvariant())
        {
            case "idempotency-key":
            case "x-idempotency-key":
                return IdempotencyRole;
            case "x-trace-id":
                return TraceRole;
            case "x-scenario-key" when profile == ConventionProfile.Flutterwave:
                return ScenarioRole;
            default:
                return null;
        }
    }

    private static OptionHeaderModel Declared(ParameterModel parameter, bool generate)
    {
        var c = parameter.Constraints;
        var pattern = CheckablePattern(c.Pattern);
        var canGenerate = generate && CanGenerate(c.MinLength, c.MaxLength, pattern);
        return new OptionHeaderModel(parameter.ApiName, c.MinLength, c.MaxLength, pattern, Required: parameter.Required && !canGenerate, canGenerate, Declared: true);
    }

    private static string Repeat(string sample, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = sample[i % sample.Length];
        }

        return new string(chars);
    }
}
