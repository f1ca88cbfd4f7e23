using Mono.Cecil;

namespace EcgAnomaly.Tests.Architecture;

/// <summary>
/// Which namespaces the types of an assembly use, read from its IL with Mono.Cecil: signatures, attributes and method
/// bodies (a type used only inside a method still counts).
/// </summary>
internal static class NamespaceDependencies
{
    /// <summary>
    /// Every (from namespace, to namespace, from type, to type) use between namespaces starting with <paramref name="prefix"/>.
    /// </summary>
    public static IReadOnlyList<(string From, string To, string FromType, string ToType)> Of(string assemblyPath, string prefix)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var uses = new HashSet<(string, string, string, string)>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith(prefix, StringComparison.Ordinal)) continue;
            foreach (var used in UsedTypes(type))
            {
                var to = NamespaceOf(used);
                if (to.StartsWith(prefix, StringComparison.Ordinal) && to != from) uses.Add((from, to, type.FullName, used.FullName));
            }
        }
        return [.. uses];
    }

    private static string NamespaceOf(TypeReference type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type.Namespace;
    }

    private static List<TypeReference> UsedTypes(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? t)
        {
            switch (t)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    foreach (var argument in generic.GenericArguments) Add(argument);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                case GenericParameter:
                    return;
                default:
                    found.Add(t);
                    return;
            }
        }
        void AddMember(MemberReference member)
        {
            Add(member.DeclaringType);
            switch (member)
            {
                case MethodReference method:
                    Add(method.ReturnType);
                    foreach (var p in method.Parameters) Add(p.ParameterType);
                    if (method is GenericInstanceMethod instance) foreach (var a in instance.GenericArguments) Add(a);
                    break;
                case FieldReference field:
                    Add(field.FieldType);
                    break;
            }
        }
        void AddAttributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes) AddMember(attribute.Constructor);
        }

        Add(type.BaseType);
        AddAttributes(type);
        foreach (var i in type.Interfaces) Add(i.InterfaceType);
        foreach (var field in type.Fields) { Add(field.FieldType); AddAttributes(field); }
        foreach (var property in type.Properties) { Add(property.PropertyType); AddAttributes(property); }
        foreach (var method in type.Methods)
        {
            AddAttributes(method);
            Add(method.ReturnType);
            foreach (var p in method.Parameters) Add(p.ParameterType);
            if (!method.HasBody) continue;
            foreach (var v in method.Body.Variables) Add(v.VariableType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MemberReference m: AddMember(m); break;
                }
            }
        }
        return found;
    }
}
