using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests;
using ModelCert.Tests.Fuzzing;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed partial class OnnxInspectorTests
{
    /// <summary>
    /// Tree ensembles whose branches ONNX Runtime would follow forever: a branch id it narrows onto the root (found by
    /// fuzzing compas_rf: the scorer hung), or a branch back to an ancestor. Both are refused before ONNX Runtime runs.
    /// </summary>
    public sealed class Trees
    {
        [Theory]
        [InlineData("models/adult/adult_xgb.onnx")]
        [InlineData("models/bank/bank_gb.onnx")]
        [InlineData("models/bank/bank_xgb.onnx")]
        [InlineData("models/compas/compas_rf.onnx")]
        public void Should_accept_the_shared_tree_models(string model)
        {
            // Given a real exported forest, When it is inspected, Then its trees pass
            Assert.Empty(ModelInspectionLimits.Default.Violations(OnnxInspector.Inspect(SharedData.Require(model))));
        }

        [Fact]
        public void Should_refuse_a_branch_id_that_is_not_a_node_of_its_tree()
        {
            // Given compas_rf with the true branch of its second branch node set to -2^63 (the fuzzer's hanging case)
            using var folder = new ModelFolder();
            folder.SaveBytes(WithTrueBranch(long.MinValue));

            // When it is inspected, Then the tree, the node and the target are named
            AssertRefused(folder.Violations(), "(TreeEnsembleClassifier): tree 0 node ", "'s true branch goes to node -9223372036854775808, which is not a node of that tree");
        }

        [Fact]
        public void Should_refuse_a_branch_back_to_the_root()
        {
            // Given compas_rf with the true branch of its second branch node leading back to the root (node 0)
            using var folder = new ModelFolder();
            folder.SaveBytes(WithTrueBranch(0));

            // When it is inspected, Then the cycle is named
            AssertRefused(folder.Violations(), "tree 0 has a cycle through node ", "which makes ONNX Runtime loop forever");
        }

        [Fact]
        public void Should_find_cycles_in_the_indexed_form_of_tree_ensemble_five()
        {
            // Given TreeEnsemble (ai.onnx.ml 5) branch lists: node 0 -> 1 (node), 1 -> leaf / node 0
            var sound = new TreeEnsembleRules.Attributes();
            sound.Integers["nodes_truenodeids"] = [1, 0];
            sound.Integers["nodes_trueleafs"] = [0, 1];
            sound.Integers["nodes_falsenodeids"] = [0, 1];
            sound.Integers["nodes_falseleafs"] = [1, 1];
            var cyclic = new TreeEnsembleRules.Attributes();
            cyclic.Integers["nodes_truenodeids"] = [1, 0];
            cyclic.Integers["nodes_trueleafs"] = [0, 1];
            cyclic.Integers["nodes_falsenodeids"] = [0, 0];
            cyclic.Integers["nodes_falseleafs"] = [1, 0];

            // When they are judged, Then only the cycle is refused
            Assert.Null(TreeEnsembleRules.Check("TreeEnsemble", sound));
            Assert.Contains("cycle through node 0", TreeEnsembleRules.Check("TreeEnsemble", cyclic), StringComparison.Ordinal);
        }

        /// <summary>compas_rf with nodes_truenodeids of its second branch node (in tree 0) set to <paramref name="target"/>.</summary>
        private static byte[] WithTrueBranch(long target)
        {
            var model = ProtoMessage.Parse(File.ReadAllBytes(SharedData.Require("models/compas/compas_rf.onnx")), "Model")!;
            var attributes = model.Descendants().Where(m => m.Type == "Attribute").ToList();
            var modes = attributes.Single(a => a.Text(1) == "nodes_modes").All(9).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes)).ToList();
            var branch = modes.Select((mode, i) => (mode, i)).Where(p => p.mode != "LEAF").Skip(1).First().i;
            var trues = attributes.Single(a => a.Text(1) == "nodes_truenodeids");
            trues.Unpack(8);
            trues.Own(trues.All(8).ElementAt(branch)).Value = unchecked((ulong)target);
            return model.ToBytes();
        }

        private static void AssertRefused(IReadOnlyList<string> violations, params string[] fragments) =>
            Assert.True(
                violations.Any(v => fragments.All(f => v.Contains(f, StringComparison.Ordinal))),
                $"expected a violation with [{string.Join("] [", fragments)}], got: {string.Join(" | ", violations)}");
    }
}
