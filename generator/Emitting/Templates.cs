using System;
using System.IO;
using System.Linq;
using Scriban;
using Scriban.Runtime;

namespace Flutterwave.Codegen.Emitting;

/// <summary>The Scriban templates, embedded in the generator and parsed once per process.</summary>
internal static class Templates
{
    private static readonly Lazy<Template> LazyHeader = new(() => Load("Header"));
    private static readonly Lazy<Template> LazyObject = new(() => Load("Object"));
    private static readonly Lazy<Template> LazyEnum = new(() => Load("Enum"));
    private static readonly Lazy<Template> LazyUnion = new(() => Load("Union"));
    private static readonly Lazy<Template> LazyClient = new(() => Load("Client"));
    private static readonly Lazy<Template> LazyServiceCollection = new(() => Load("ServiceCollection"));
    private static readonly Lazy<Template> LazyNextActions = new(() => Load("NextActions"));
    private static readonly Lazy<Template> LazyDeclineChecks = new(() => Load("DeclineChecks"));

    public static Template Header => LazyHeader.Value;

    public static Template Object => LazyObject.Value;

    public static Template Enum => LazyEnum.Value;

    public static Template Union => LazyUnion.Value;

    public static Template Client => LazyClient.Value;

    public static Template ServiceCollection => LazyServiceCollection.Value;

    public static Template NextActions => LazyNextActions.Value;

    public static Template DeclineChecks => LazyDeclineChecks.Value;

    /// <summary>Renders a template over a view object whose members keep their C# names.</summary>
    public static string Render(Template template, object view)
    {
        var globals = new ScriptObject();
        globals.Import(view, renamer: member => member.Name);
        var context = new TemplateContext
        {
            MemberRenamer = member => member.Name,
            StrictVariables = true,
            LoopLimit = 0,
            RecursiveLimit = 0,
            NewLine = "\n",
        };
        context.PushGlobal(globals);
        return template.Render(context);
    }

    private static Template Load(string name)
    {
        var resource = "Flutterwave.Codegen.Templates." + name + ".scriban";
        using var stream = typeof(Templates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The template '{resource}' is not embedded in the generator.");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n"), resource);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"The template '{resource}' does not parse: " + string.Join("; ", template.Messages.Select(m => m.ToString())));
        }

        return template;
    }
}
