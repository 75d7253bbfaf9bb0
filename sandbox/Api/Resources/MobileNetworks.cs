using System.Text.Json.Nodes;

namespace Flutterwave.Sandbox.Api.Resources;

/// <summary><c>MobileNetworks</c>: mobile money networks per country (sandbox reference data).</summary>
internal static class MobileNetworks
{
    private static readonly Dictionary<string, (string Network, string Name)[]> ByCountry = new(StringComparer.Ordinal)
    {
        ["GH"] = [("MTN", "MTN Mobile Money"), ("VODAFONE", "Telecel Cash"), ("AIRTELTIGO", "AirtelTigo Money")],
        ["KE"] = [("MPESA", "M-Pesa"), ("AIRTEL", "Airtel Money")],
        ["UG"] = [("MTN", "MTN Mobile Money"), ("AIRTEL", "Airtel Money")],
        ["TZ"] = [("VODACOM", "M-Pesa Tanzania"), ("AIRTEL", "Airtel Money"), ("TIGO", "Tigo Pesa"), ("HALOPESA", "HaloPesa")],
        ["RW"] = [("MTN", "MTN Mobile Money"), ("AIRTEL", "Airtel Money")],
        ["ZM"] = [("MTN", "MTN Mobile Money"), ("AIRTEL", "Airtel Money"), ("ZAMTEL", "Zamtel Kwacha")],
        ["CM"] = [("MTN", "MTN Mobile Money"), ("ORANGE", "Orange Money")],
        ["CI"] = [("MTN", "MTN Mobile Money"), ("ORANGE", "Orange Money"), ("MOOV", "Moov Money")],
        ["SN"] = [("ORANGE", "Orange Money"), ("FREE", "Free Money")],
    };

    public static IReadOnlyDictionary<string, SandboxHandler> Handlers { get; } = new Dictionary<string, SandboxHandler>(StringComparer.Ordinal)
    {
        ["listMobileNetworks"] = new(ListMobileNetworks, Stateless: true),
    };

    private static OperationResult ListMobileNetworks(OperationContext c)
    {
        var country = c.Query("country") ?? string.Empty;
        var data = new JsonArray();
        foreach (var (network, name) in ByCountry.GetValueOrDefault(country) ?? [])
        {
            data.Add(new JsonObject { ["id"] = "mnt_" + country + "_" + network, ["network"] = network, ["name"] = name });
        }

        return new OperationResult(200, "Mobile networks fetched", data);
    }
}
