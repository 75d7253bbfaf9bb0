using System.Text;
using Flutterwave.Runtime.Json;

namespace Flutterwave.Codegen.GeneratedCode.Tests;

/// <summary>Reads and writes generated types through their own generated code, as the clients do.</summary>
internal static class Json
{
    public static T Read<T>(string json) where T : IJsonModel<T> => JsonCodec.FromUtf8Bytes(Encoding.UTF8.GetBytes(json), T.ReadJson);

    public static string Write<T>(T value) where T : IJsonModel<T> => Encoding.UTF8.GetString(JsonCodec.ToUtf8Bytes(value, JsonCodec.WriteModel));

    public static bool SameJson(string expected, string actual) =>
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual));
}
