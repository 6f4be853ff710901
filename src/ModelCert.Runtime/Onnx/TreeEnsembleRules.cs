using System.Globalization;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// The structure a tree ensemble (ai.onnx.ml TreeEnsembleClassifier, TreeEnsembleRegressor, TreeEnsemble) must have
/// for ONNX Runtime to walk it safely: every branch leads to a node of its own tree, ids fit 32 bits, and no branch
/// leads back to a node above it. ONNX Runtime 1.30 checks that a branch's target exists, but it narrows ids to 32
/// bits first and never checks for cycles, so a branch whose id is 2^63 lands on a tree's root and the run loops
/// forever (found by fuzzing: one element of compas_rf's nodes_truenodeids set to -2^63 hung the scorer).
/// </summary>
internal static class TreeEnsembleRules
{
    /// <summary>The attributes of one tree-ensemble node, by name: integer lists and string lists.</summary>
    public sealed class Attributes
    {
        public Dictionary<string, List<long>> Integers { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<string>> Strings { get; } = new(StringComparer.Ordinal);

        public List<long>? Ints(string name) => Integers.GetValueOrDefault(name);
    }

    /// <summary>Why the ensemble's trees are unsafe to walk, or null when they are sound (or not tree lists ONNX Runtime would accept anyway).</summary>
    public static string? Check(string opType, Attributes attributes) =>
        opType == "TreeEnsemble" ? CheckIndexed(attributes) : CheckById(attributes);

    /// <summary>TreeEnsembleClassifier/Regressor: nodes named by (nodes_treeids, nodes_nodeids); branches by id within the tree.</summary>
    private static string? CheckById(Attributes attributes)
    {
        if (attributes.Ints("nodes_treeids") is not { } trees || attributes.Ints("nodes_nodeids") is not { } ids
            || attributes.Ints("nodes_truenodeids") is not { } trues || attributes.Ints("nodes_falsenodeids") is not { } falses
            || attributes.Strings.GetValueOrDefault("nodes_modes") is not { } modes)
        {
            return null;
        }

        var count = trees.Count;
        if (ids.Count != count || trues.Count != count || falses.Count != count || modes.Count != count)
        {
            return null; // ONNX Runtime refuses lists of different lengths itself
        }

        var index = new Dictionary<(long Tree, long Node), int>();
        for (var i = 0; i < count; i++)
        {
            if (trees[i] is < 0 or > int.MaxValue || ids[i] is < 0 or > int.MaxValue)
            {
                return Invariant($"tree {trees[i]} node {ids[i]} has an id outside 0..2^31-1, which ONNX Runtime would truncate onto another node");
            }

            index.TryAdd((trees[i], ids[i]), i);
        }

        var children = new int[count][];
        for (var i = 0; i < count; i++)
        {
            if (modes[i] == "LEAF")
            {
                children[i] = [];
                continue;
            }

            var branch = new int[2];
            foreach (var (target, side, slot) in new[] { (trues[i], "true", 0), (falses[i], "false", 1) })
            {
                if (!index.TryGetValue((trees[i], target), out branch[slot]))
                {
                    return Invariant($"tree {trees[i]} node {ids[i]}'s {side} branch goes to node {target}, which is not a node of that tree");
                }
            }

            children[i] = branch;
        }

        return Cycle(children) is { } node ? Invariant($"tree {trees[node]} has a cycle through node {ids[node]} (a branch leads back to it), which makes ONNX Runtime loop forever") : null;
    }

    /// <summary>TreeEnsemble (ai.onnx.ml 5): nodes by position; a branch names a node unless its *_leafs flag says leaf.</summary>
    private static string? CheckIndexed(Attributes attributes)
    {
        if (attributes.Ints("nodes_truenodeids") is not { } trues || attributes.Ints("nodes_falsenodeids") is not { } falses
            || attributes.Ints("nodes_trueleafs") is not { } trueLeafs || attributes.Ints("nodes_falseleafs") is not { } falseLeafs)
        {
            return null;
        }

        var count = trues.Count;
        if (falses.Count != count || trueLeafs.Count != count || falseLeafs.Count != count)
        {
            return null;
        }

        var children = new int[count][];
        for (var i = 0; i < count; i++)
        {
            var branch = new List<int>(2);
            foreach (var (target, leaf, side) in new[] { (trues[i], trueLeafs[i], "true"), (falses[i], falseLeafs[i], "false") })
            {
                if (leaf != 0)
                {
                    continue;
                }

                if (target < 0 || target >= count)
                {
                    return Invariant($"node {i}'s {side} branch goes to node {target}, outside the {count} nodes");
                }

                branch.Add((int)target);
            }

            children[i] = [.. branch];
        }

        return Cycle(children) is { } node ? Invariant($"the trees have a cycle through node {node} (a branch leads back to it), which makes ONNX Runtime loop forever") : null;
    }

    /// <summary>A node on a cycle of the directed graph, or null when it is acyclic (iterative depth-first search, three colours).</summary>
    private static int? Cycle(int[][] children)
    {
        var state = new byte[children.Length]; // 0 unseen, 1 on the current path, 2 done
        var stack = new Stack<(int Node, int Next)>();
        for (var root = 0; root < children.Length; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            stack.Push((root, 0));
            state[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next == children[node].Length)
                {
                    state[node] = 2;
                    continue;
                }

                stack.Push((node, next + 1));
                var child = children[node][next];
                if (state[child] == 1)
                {
                    return child;
                }

                if (state[child] == 0)
                {
                    state[child] = 1;
                    stack.Push((child, 0));
                }
            }
        }

        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
