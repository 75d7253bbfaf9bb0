using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Flutterwave.Sandbox.Validation;
using Xunit;

namespace Flutterwave.Sandbox.Tests.Validation;

public sealed class InlineSpecTests
{
    private const string Spec31 = """
        openapi: 3.1.0
        info: { title: Inline, version: '1' }
        paths:
          /things/{id}:
            parameters:
              - { in: path, name: id, required: true, schema: { type: string } }
              - $ref: '#/components/parameters/Mode'
            post:
              operationId: makeThing
              parameters:
                - { in: query, name: mode, required: true, schema: { type: string, enum: [fast, slow] } }
                - { in: query, name: ratio, schema: { type: number, exclusiveMinimum: 0, maximum: 1 } }
                - { in: header, name: X-Flag, schema: { type: boolean } }
                - { in: query, name: code, schema: { type: string, pattern: '^\d{3}$' } }
              requestBody:
                $ref: '#/components/requestBodies/Thing'
            get:
              operationId: getThing
          /plain:
            put:
              operationId: putPlain
              requestBody:
                content:
                  application/json: {}
        components:
          parameters:
            Mode: { in: query, name: mode, schema: { type: integer } }
          requestBodies:
            Thing:
              required: true
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Thing'
          schemas:
            Thing:
              type: object
              additionalProperties: false
              required: [name]
              properties:
                name: { type: [string, 'null'], maxLength: 5 }
                count: { type: [integer, 'null'] }
                price: { type: number, exclusiveMinimum: 0, multipleOf: 0.01 }
                3ds: { type: object }
                fees:
                  type: array
                  maxItems: 3
                  items:
                    type: object
                    properties:
                      amount: { type: number, minimum: 0 }
                tags: { type: array, uniqueItems: true, minItems: 1, items: { type: string } }
                extras:
                  type: object
                  additionalProperties: { type: integer }
                both:
                  allOf:
                    - { type: object, required: [a] }
                    - { type: object, required: [b] }
                either:
                  oneOf:
                    - { type: string, maxLength: 3 }
                    - { type: integer }
                any:
                  anyOf:
                    - { type: string, format: date-time }
                    - { type: boolean }
                overlap:
                  oneOf:
                    - { type: number }
                    - { type: integer }
                fixed: { const: 'v1' }
                quoted: { enum: ['200', 201] }
                tree: { $ref: '#/components/schemas/Tree' }
            Tree:
              type: object
              properties:
                label: { type: string, minLength: 1 }
                children: { type: array, items: { $ref: '#/components/schemas/Tree' } }
        """;

    private const string Spec30 = """
        openapi: 3.0.3
        info: { title: Inline, version: '1' }
        paths:
          /items:
            post:
              operationId: makeItem
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        note: { type: string, nullable: true }
                        size: { type: integer, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true }
                        when: { type: string, format: date-time }
                        day: { type: string, format: date }
        """;

    private static readonly ApiSpec Inline31 = ApiSpec.Parse(Spec31);
    private static readonly ApiSpec Inline30 = ApiSpec.Parse(Spec30);

    [Fact]
    public void ReadsOperationsBodiesAndParameterRefs()
    {
        Assert.Equal(new[] { "makeThing", "getThing", "putPlain" }, Inline31.Operations.Select(o => o.OperationId));
        var make = Inline31.GetOperation("makeThing");
        Assert.True(make.HasRequestBody);
        Assert.True(make.RequestBodyRequired);
        var put = Inline31.GetOperation("putPlain");
        Assert.True(put.HasRequestBody);
        Assert.False(put.RequestBodyRequired);

        // The operation's own `mode` replaces the path-level one; `id` comes from the path.
        var parameters = Inline31.GetParameters(make);
        Assert.Single(parameters, p => p.Name == "mode");
        Assert.Contains(new SpecParameter("mode", "query", true), parameters);
        Assert.Contains(new SpecParameter("id", "path", true), parameters);
        Assert.Contains(new SpecParameter("mode", "query", false), Inline31.GetParameters(Inline31.GetOperation("getThing")));
    }

    [Fact]
    public void MediaTypeWithoutSchemaAcceptsAnyBody()
    {
        Assert.Empty(Inline31.ValidateBody(Inline31.GetOperation("putPlain"), new JsonArray(1, "two")));
        Assert.Empty(Inline31.ValidateBody(Inline31.GetOperation("putPlain"), null));
    }

    [Fact]
    public void ParametersFollowTheirSchemas()
    {
        Assert.Equal(new[] { new FieldError("mode", "is required") }, Parameters(new()));
        Assert.Empty(Parameters(new() { ["mode"] = "fast", ["ratio"] = "0.5", ["code"] = "123" }, new() { ["X-Flag"] = "true" }));
        Assert.Equal(
            new[]
            {
                new FieldError("mode", "must be one of: fast, slow"),
                new FieldError("ratio", "must be greater than 0"),
                new FieldError("X-Flag", "must be true or false"),
                new FieldError("code", @"must match the pattern ^\d{3}$"),
            },
            Parameters(new() { ["mode"] = "quick", ["ratio"] = "0", ["code"] = "١٢٣" }, new() { ["X-Flag"] = "yes" }));
        Assert.Equal(new[] { new FieldError("ratio", "must be a number") }, Parameters(new() { ["mode"] = "slow", ["ratio"] = "half" }));
        Assert.Equal(new[] { new FieldError("ratio", "must be at most 1") }, Parameters(new() { ["mode"] = "slow", ["ratio"] = "1.5" }));
    }

    [Fact]
    public void TypeArraysOf31AllowNull()
    {
        Assert.Empty(Body("""{ "name": null, "count": null }"""));
        Assert.Empty(Body("""{ "name": "abc", "count": 3.0 }"""));
        Assert.Equal(
            new[] { new FieldError("name", "must be a string or null"), new FieldError("count", "must be an integer or null") },
            Body("""{ "name": 5, "count": 1.5 }"""));
    }

    [Fact]
    public void NullableOf30AllowsNull()
    {
        var operation = Inline30.GetOperation("makeItem");

        Assert.Empty(Inline30.ValidateBody(operation, JsonNode.Parse("""{ "note": null }""")));
        Assert.Equal(
            new[] { new FieldError("note", "must be a string or null") },
            Inline30.ValidateBody(operation, JsonNode.Parse("""{ "note": 1 }""")));
    }

    [Fact]
    public void BooleanExclusiveBoundsOf30AreExclusive()
    {
        var operation = Inline30.GetOperation("makeItem");

        Assert.Empty(Inline30.ValidateBody(operation, JsonNode.Parse("""{ "size": 5 }""")));
        Assert.Equal(
            new[] { new FieldError("size", "must be greater than 0") },
            Inline30.ValidateBody(operation, JsonNode.Parse("""{ "size": 0 }""")));
        Assert.Equal(
            new[] { new FieldError("size", "must be less than 10") },
            Inline30.ValidateBody(operation, JsonNode.Parse("""{ "size": 10 }""")));
    }

    [Theory]
    [InlineData("2025-03-27T10:00:00Z", true)]
    [InlineData("2025-03-27T10:00:00.123456+01:00", true)]
    [InlineData("2025-03-27T10:00:00", false)]
    [InlineData("2025-13-27T10:00:00Z", false)]
    [InlineData("27/03/2025", false)]
    public void DateTimeNeedsRfc3339(string value, bool valid)
    {
        var operation = Inline30.GetOperation("makeItem");

        var errors = Inline30.ValidateBody(operation, new JsonObject { ["when"] = value });

        Assert.Equal(valid ? Array.Empty<FieldError>() : new[] { new FieldError("when", "must be a date-time such as 2025-03-27T10:00:00Z") }, errors);
    }

    [Fact]
    public void AdditionalPropertiesFalseRejectsUnknownMembers()
    {
        Assert.Equal(new[] { new FieldError("colour", "is not allowed") }, Body("""{ "name": "a", "colour": "red" }"""));
    }

    [Fact]
    public void UnknownMemberWithDataLikeNameIsNotEchoed()
    {
        var errors = Body("""{ "name": "a", "4000000000000002": 1, "a b": 2 }""");

        Assert.Equal(new[] { new FieldError("*", "is not allowed") }, errors);
    }

    [Fact]
    public void AdditionalPropertiesSchemaChecksUnknownMembers()
    {
        Assert.Empty(Body("""{ "name": "a", "extras": { "x": 1, "y": 2 } }"""));
        Assert.Equal(new[] { new FieldError("extras.y", "must be an integer") }, Body("""{ "name": "a", "extras": { "x": 1, "y": "2" } }"""));
    }

    [Fact]
    public void KeysThatLookLikeNumbersStayNames()
    {
        Assert.Empty(Body("""{ "name": "a", "3ds": {} }"""));
        Assert.Equal(new[] { new FieldError("3ds", "must be an object") }, Body("""{ "name": "a", "3ds": [] }"""));
    }

    [Fact]
    public void QuotedScalarsStayStringsAndPlainOnesAreNumbers()
    {
        Assert.Empty(Body("""{ "name": "a", "quoted": "200" }"""));
        Assert.Empty(Body("""{ "name": "a", "quoted": 201 }"""));
        Assert.Equal(new[] { new FieldError("quoted", "must be one of: 200, 201") }, Body("""{ "name": "a", "quoted": 200 }"""));
        Assert.Equal(new[] { new FieldError("quoted", "must be one of: 200, 201") }, Body("""{ "name": "a", "quoted": "201" }"""));
        Assert.Equal(new[] { new FieldError("fixed", "must be v1") }, Body("""{ "name": "a", "fixed": "v2" }"""));
    }

    [Fact]
    public void AllOfReportsEveryBranch()
    {
        Assert.Empty(Body("""{ "name": "a", "both": { "a": 1, "b": 2 } }"""));
        Assert.Equal(
            new[] { new FieldError("both.a", "is required"), new FieldError("both.b", "is required") },
            Body("""{ "name": "a", "both": {} }"""));
    }

    [Fact]
    public void OneOfNeedsExactlyOneMatchAndSaysSoOnce()
    {
        Assert.Empty(Body("""{ "name": "a", "either": "abc" }"""));
        Assert.Empty(Body("""{ "name": "a", "either": 7 }"""));
        Assert.Equal(
            new[] { new FieldError("either", "must match exactly one of the allowed forms") },
            Body("""{ "name": "a", "either": "abcdef" }"""));

        // 2 is both a number and an integer: two branches match.
        Assert.Empty(Body("""{ "name": "a", "overlap": 2.5 }"""));
        Assert.Equal(
            new[] { new FieldError("overlap", "must match exactly one of the allowed forms") },
            Body("""{ "name": "a", "overlap": 2 }"""));
    }

    [Fact]
    public void AnyOfNeedsOneMatch()
    {
        Assert.Empty(Body("""{ "name": "a", "any": true }"""));
        Assert.Empty(Body("""{ "name": "a", "any": "2025-03-27T10:00:00Z" }"""));
        Assert.Equal(
            new[] { new FieldError("any", "does not match any of the allowed forms") },
            Body("""{ "name": "a", "any": "tomorrow" }"""));
    }

    [Fact]
    public void ArrayItemsGetIndexedPaths()
    {
        var errors = Body("""{ "name": "a", "fees": [ { "amount": 1 }, { "amount": -1 }, { "amount": "x" }, {} ] }""");

        Assert.Equal(
            new[]
            {
                new FieldError("fees", "must have at most 3 items"),
                new FieldError("fees[1].amount", "must be at least 0"),
                new FieldError("fees[2].amount", "must be a number"),
            },
            errors);
    }

    [Fact]
    public void ArrayCountsAndUniqueness()
    {
        Assert.Equal(new[] { new FieldError("tags", "must have at least 1 item") }, Body("""{ "name": "a", "tags": [] }"""));
        Assert.Equal(
            new[] { new FieldError("tags", "must not contain the same item twice") },
            Body("""{ "name": "a", "tags": ["x", "y", "x"] }"""));
    }

    [Fact]
    public void NumbersFollowExclusiveMinimumAndMultipleOf()
    {
        Assert.Empty(Body("""{ "name": "a", "price": 0.05 }"""));
        Assert.Equal(new[] { new FieldError("price", "must be greater than 0") }, Body("""{ "name": "a", "price": 0 }"""));
        Assert.Equal(new[] { new FieldError("price", "must be a multiple of 0.01") }, Body("""{ "name": "a", "price": 0.055 }"""));
    }

    [Fact]
    public void RecursiveSchemasCheckEveryLevel()
    {
        var errors = Body("""{ "name": "a", "tree": { "label": "root", "children": [ { "label": "x", "children": [ { "label": "" } ] } ] } }""");

        Assert.Equal(new[] { new FieldError("tree.children[0].children[0].label", "must be at least 1 character long") }, errors);
    }

    [Fact]
    public void LengthsCountTextElements()
    {
        // "e" + combining acute, a surrogate-pair emoji and "ab": six UTF-16 characters but four text elements.
        Assert.Empty(Body("{ \"name\": \"e\\u0301\\uD83D\\uDE00ab\" }"));
        Assert.Equal(new[] { new FieldError("name", "must be at most 5 characters long") }, Body("""{ "name": "abcdef" }"""));
    }

    [Fact]
    public void ErrorsStopAtFifty()
    {
        var body = new JsonObject { ["name"] = "a" };
        for (var i = 0; i < 200; i++)
        {
            body["unknown" + i] = i;
        }

        var errors = Inline31.ValidateBody(Inline31.GetOperation("makeThing"), body);

        Assert.Equal(50, errors.Count);
        Assert.All(errors, e => Assert.Equal("is not allowed", e.Message));
    }

    [Fact]
    public void RequiredBodyMissingIsOneError()
    {
        Assert.Equal(new[] { new FieldError("body", "is required") }, Inline31.ValidateBody(Inline31.GetOperation("makeThing"), null));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("openapi: 3.1.0\npaths: [", "not valid YAML")]
    [InlineData("openapi: 3.1.0\npaths: {}\n---\nopenapi: 3.1.0\n", "more than one YAML document")]
    [InlineData("swagger: '2.0'\npaths: {}\n", "OpenAPI 3.x")]
    [InlineData("openapi: 3.1.0\ninfo: {}\n", "no 'paths'")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    get: {}\n", "no operationId")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    get: { operationId: x }\n  /b:\n    get: { operationId: x }\n", "'x' is used by more than one")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    post:\n      operationId: x\n      requestBody: { $ref: '#/components/requestBodies/Nope' }\n", "names nothing")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    post:\n      operationId: x\n      requestBody: { content: { application/json: { schema: { $ref: 'other.yaml#/X' } } } }\n", "outside the document")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    post:\n      operationId: x\n      requestBody: { content: { application/json: { schema: { type: string, pattern: '([a-z' } } } }\n", "not a valid regular expression")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    post:\n      operationId: x\n      requestBody: { content: { application/json: { schema: { type: file } } } }\n", "'file' is not a JSON Schema type")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    post:\n      operationId: x\n      requestBody: { content: { application/json: { schema: { type: string, minLength: -1 } } } }\n", "'minLength' must be a whole number")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a:\n    get:\n      operationId: x\n      parameters: [ { name: q } ]\n", "needs a 'name' and an 'in'")]
    [InlineData("openapi: 3.1.0\npaths:\n  /a: { get: { operationId: x } }\n  /a: { put: { operationId: y } }\n", "appears twice")]
    public void BrokenSpecsThrowFormatExceptionSayingWhy(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ApiSpec.Parse(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CircularSchemaReferencesLoadAndDoNotLoopForEver()
    {
        const string yaml = """
            openapi: 3.1.0
            paths:
              /a:
                post:
                  operationId: loop
                  requestBody:
                    content: { application/json: { schema: { $ref: '#/components/schemas/A' } } }
            components:
              schemas:
                A: { allOf: [ { $ref: '#/components/schemas/B' } ] }
                B: { $ref: '#/components/schemas/A' }
            """;
        var spec = ApiSpec.Parse(yaml);

        var errors = spec.ValidateBody(spec.GetOperation("loop"), new JsonObject());

        Assert.Equal(new[] { new FieldError("body", "has a schema too deeply layered to check") }, errors);
    }

    private static IReadOnlyList<FieldError> Body(string json) =>
        Inline31.ValidateBody(Inline31.GetOperation("makeThing"), JsonNode.Parse(json));

    private static IReadOnlyList<FieldError> Parameters(Dictionary<string, string> query, Dictionary<string, string>? headers = null) =>
        Inline31.ValidateParameters(
            Inline31.GetOperation("makeThing"),
            name => query.TryGetValue(name, out var value) ? value : null,
            name => headers is not null && headers.TryGetValue(name, out var value) ? value : null);
}
