using System.Text.Json;
using System.Text.Json.Nodes;
using Flutterwave.Codegen.Reading;
using Xunit;

namespace Flutterwave.Codegen.Tests;

/// <summary>YAML plain scalars are typed the YAML 1.2 core-schema way; quoted ones stay strings.</summary>
public sealed class YamlScalarTests
{
    [Theory]
    [InlineData("0.01", JsonValueKind.Number)]
    [InlineData("-12", JsonValueKind.Number)]
    [InlineData("+3", JsonValueKind.Number)]
    [InlineData(".5", JsonValueKind.Number)]
    [InlineData("1.", JsonValueKind.Number)]
    [InlineData("6.02e23", JsonValueKind.Number)]
    [InlineData("1E-3", JsonValueKind.Number)]
    [InlineData("true", JsonValueKind.True)]
    [InlineData("False", JsonValueKind.False)]
    [InlineData("~", JsonValueKind.Null)]
    [InlineData("null", JsonValueKind.Null)]
    [InlineData("'200'", JsonValueKind.String)]
    [InlineData("\"0.01\"", JsonValueKind.String)]
    [InlineData("4.0.0", JsonValueKind.String)]
    [InlineData("1e", JsonValueKind.String)]
    [InlineData(".", JsonValueKind.String)]
    [InlineData("+", JsonValueKind.String)]
    [InlineData("-.", JsonValueKind.String)]
    [InlineData("0x1F", JsonValueKind.String)]
    [InlineData("yes", JsonValueKind.String)]
    [InlineData("NGN", JsonValueKind.String)]
    [InlineData("12 34", JsonValueKind.String)]
    public void PlainScalars_AreTypedTheCoreSchemaWay(string scalar, JsonValueKind expected)
    {
        var root = (JsonObject)SpecDocumentReader.Read("t.yaml", "value: " + scalar + "\n", out var error, out _)!;

        Assert.Null(error);
        Assert.Equal(expected, root["value"]?.GetValueKind() ?? JsonValueKind.Null);
    }
}
