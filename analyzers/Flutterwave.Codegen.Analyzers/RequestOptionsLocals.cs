using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Flutterwave.Codegen.Analyzers;

/// <summary>
/// FLW0003's view of the <c>RequestOptions</c> locals of one body (a member's operation tree, lambdas and local
/// functions included): for each local, the <c>new RequestOptions</c> creations without a key that are its only values,
/// when that can be seen for certain. Any other assignment, any write or read of <c>IdempotencyKey</c>, and any use but
/// a property access or a generated operation's options argument (passed to another method, by <c>ref</c>/<c>out</c>,
/// stored, captured by a lambda or local function) makes the local trusted: no false positive is worth a missed key.
/// </summary>
/// <remarks>
/// Computed once per tree, on the first POST that passes such a local, and kept in a weak table keyed by the tree's
/// root, so a body with many calls is walked once and a compilation without such calls pays nothing (issue 10).
/// </remarks>
internal sealed class RequestOptionsLocals
{
    private const string IdempotencyKey = "IdempotencyKey";

    private readonly KnownSymbols _symbols;
    private readonly INamedTypeSymbol _requestOptions;
    private readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, ImmutableArray<IObjectCreationOperation>>> _bodies = new();
    private readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, ImmutableArray<IObjectCreationOperation>>>.CreateValueCallback _read;

    public RequestOptionsLocals(KnownSymbols symbols, INamedTypeSymbol requestOptions)
    {
        _symbols = symbols;
        _requestOptions = requestOptions;
        _read = Read;
    }

    /// <summary>
    /// The creations that are the local's only values, none with a key; empty when the local is trusted (or is not a
    /// plain <c>RequestOptions</c> local).
    /// </summary>
    public ImmutableArray<IObjectCreationOperation> CreationsWithoutKey(ILocalReferenceOperation reference)
    {
        if (!IsTracked(reference.Local))
        {
            return ImmutableArray<IObjectCreationOperation>.Empty;
        }

        var root = (IOperation)reference;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return _bodies.GetValue(root, _read).TryGetValue(reference.Local, out var creations) ? creations : ImmutableArray<IObjectCreationOperation>.Empty;
    }

    /// <summary>Whether a creation of <c>RequestOptions</c> sets a non-null key in its initializer.</summary>
    public static bool SetsKey(IObjectCreationOperation creation)
    {
        foreach (var item in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (item is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: IdempotencyKey } } assignment
                && !OperationValues.IsNull(assignment.Value))
            {
                return true;
            }
        }

        return false;
    }

    private Dictionary<ILocalSymbol, ImmutableArray<IObjectCreationOperation>> Read(IOperation root)
    {
        var locals = new Dictionary<ILocalSymbol, LocalFacts>(SymbolEqualityComparer.Default);
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when IsTracked(declarator.Symbol):
                    var declared = FactsOf(locals, declarator.Symbol);
                    declared.Declared = true;
                    declared.SeenIn(EnclosingFunction(declarator));
                    if (declarator.Parent is not IVariableDeclarationOperation)
                    {
                        // A foreach variable: its values come from the collection.
                        declared.Trusted = true;
                    }
                    else if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        Assign(declared, initializer.Value);
                    }

                    break;
                case ILocalReferenceOperation reference when IsTracked(reference.Local):
                    var used = FactsOf(locals, reference.Local);
                    used.SeenIn(EnclosingFunction(reference));
                    if (!IsVisibleUse(reference, used))
                    {
                        used.Trusted = true;
                    }

                    break;
            }
        }

        var result = new Dictionary<ILocalSymbol, ImmutableArray<IObjectCreationOperation>>(SymbolEqualityComparer.Default);
        foreach (var pair in locals)
        {
            if (pair.Value is { Declared: true, Trusted: false, Creations.Count: > 0 })
            {
                result.Add(pair.Key, pair.Value.Creations.ToImmutableArray());
            }
        }

        return result;
    }

    /// <summary>A use that neither lets the key be set elsewhere nor hides an assignment.</summary>
    private bool IsVisibleUse(ILocalReferenceOperation reference, LocalFacts facts)
    {
        if (reference.IsDeclaration)
        {
            return false;
        }

        switch (reference.Parent)
        {
            case IArgumentOperation { Parameter: { RefKind: RefKind.None } parameter, Parent: IInvocationOperation invocation }:
                return SymbolEqualityComparer.Default.Equals(parameter.Type, _requestOptions)
                    && _symbols.Has(invocation.TargetMethod.OriginalDefinition, _symbols.ApiOperation);
            case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, reference):
                return property.Property.Name != IdempotencyKey;
            case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Target, reference):
                // Only as a statement: `x = options = new ...` would store the same object elsewhere.
                if (assignment.Parent is not IExpressionStatementOperation)
                {
                    return false;
                }

                Assign(facts, assignment.Value);
                return true;
            default:
                return false;
        }
    }

    private void Assign(LocalFacts facts, IOperation value)
    {
        if (OperationValues.Unwrap(value) is IObjectCreationOperation creation
            && SymbolEqualityComparer.Default.Equals(creation.Type, _requestOptions) && !SetsKey(creation))
        {
            facts.Creations.Add(creation);
        }
        else
        {
            facts.Trusted = true;
        }
    }

    private bool IsTracked(ILocalSymbol local) =>
        local.RefKind == RefKind.None && SymbolEqualityComparer.Default.Equals(local.Type, _requestOptions);

    private static LocalFacts FactsOf(Dictionary<ILocalSymbol, LocalFacts> locals, ILocalSymbol local)
    {
        if (!locals.TryGetValue(local, out var facts))
        {
            facts = new LocalFacts();
            locals.Add(local, facts);
        }

        return facts;
    }

    /// <summary>The innermost lambda or local function around an operation; null for the member's own body.</summary>
    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    private sealed class LocalFacts
    {
        private IOperation? _function;
        private bool _hasFunction;

        public bool Declared { get; set; }

        public bool Trusted { get; set; }

        public List<IObjectCreationOperation> Creations { get; } = new();

        /// <summary>Every declaration and use must sit in one function: a use in another one is a capture.</summary>
        public void SeenIn(IOperation? function)
        {
            if (!_hasFunction)
            {
                _function = function;
                _hasFunction = true;
            }
            else if (!ReferenceEquals(_function, function))
            {
                Trusted = true;
            }
        }
    }
}
