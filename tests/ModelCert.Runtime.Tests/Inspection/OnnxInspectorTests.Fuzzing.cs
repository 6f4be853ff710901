using System.Globalization;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests;
using ModelCert.Tests.Fuzzing;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed partial class OnnxInspectorTests
{
    /// <summary>
    /// Seeded mutation fuzzing of the inspector over the real shared models (and a model with external data): whatever
    /// the bytes, inspection either accepts the file or refuses it with its own one-line message; it never throws
    /// anything else, never opens another file, and allocates within a bound proportional to the file.
    /// </summary>
    public sealed class Fuzzing
    {
        private const int CasesPerModel = 300;

        /// <summary>Words in the mutator's descriptions, one per kind of mutation the test must see run.</summary>
        private static readonly string[] Kinds =
        [
            "dimension", "data_type", "type removed", "missing value", "element", "list cut", "repeated", "ir_version", "opset", "lies",
            "wire type", "truncated", "bit flips", "string entry",
        ];

        private static readonly string[] SharedModels =
        [
            "models/adult/adult_lr.onnx", "models/adult/adult_xgb.onnx", "models/bank/bank_gb.onnx", "models/bank/bank_xgb.onnx",
            "models/compas/compas_rf.onnx", "models/german/german_lr.onnx",
        ];

        [Fact]
        public void Should_accept_or_refuse_every_mutated_model_with_its_own_message()
        {
            // Given the six shared models and one with external weights, each mutated 300 times (100 for the 0.5 MB forest; seeded)
            using var folder = new ModelFolder();
            folder.Data("w.bin", 12);
            var seeds = SharedModels.Select(m => (Name: Path.GetFileName(m), Bytes: File.ReadAllBytes(SharedData.Require(m))))
                .Append((Name: "external.onnx", Bytes: ModelFolder.WithExternalWeights(("location", "w.bin")).ToBytes()))
                .ToList();
            var failures = new List<string>();
            var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            int accepted = 0, refused = 0;
            for (var index = 0; index < seeds.Count; index++)
            {
                var (name, bytes) = seeds[index];
                var parsed = ProtoMessage.Parse(bytes, "Model") ?? throw new InvalidOperationException($"{name} does not parse as a protobuf message");
                var mutator = new OnnxMutator(20261122 + index);
                var cases = bytes.Length > 200_000 ? 100 : CasesPerModel;
                for (var trial = 0; trial < cases; trial++)
                {
                    var (mutant, description) = mutator.Mutate(bytes, parsed);
                    Count(kinds, description);
                    folder.SaveBytes(mutant);

                    // When each is inspected and refused or accepted
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var (wasAccepted, outcome) = InspectOnce(folder.ModelPath);
                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                    // Then the outcome is acceptance or the inspector's own refusal, within the allocation bound
                    var limit = (16L << 20) + (16L * mutant.Length);
                    if (outcome is { } failure)
                    {
                        failures.Add($"{name} case {trial} ({description}): {failure}");
                    }
                    else if (allocated > limit)
                    {
                        failures.Add(string.Create(CultureInfo.InvariantCulture, $"{name} case {trial} ({description}): allocated {allocated} bytes for a {mutant.Length}-byte file"));
                    }

                    accepted += wasAccepted ? 1 : 0;
                    refused += outcome is null && !wasAccepted ? 1 : 0;
                }
            }

            Assert.True(failures.Count == 0, $"{failures.Count} mutated models broke the inspector:\n{string.Join("\n", failures.Take(20))}");
            Assert.True(accepted > 300 && refused > 300, $"the fuzzer must reach both outcomes often: {accepted} accepted, {refused} refused");
            foreach (var kind in Kinds)
            {
                Assert.True(kinds.GetValueOrDefault(kind) >= 10, $"mutation '{kind}' ran only {kinds.GetValueOrDefault(kind)} times");
            }
        }

        /// <summary>Whether the inspector accepted the file, and what went wrong when it neither accepted nor refused it as it should.</summary>
        private static (bool Accepted, string? Failure) InspectOnce(string path)
        {
            try
            {
                OnnxInspector.InspectOrRefuse(path);
                return (true, null);
            }
            catch (ModelLoadException ex) when (ex.Message.StartsWith($"model file '{path}' is refused by static inspection: ", StringComparison.Ordinal))
            {
                return (false, ex.Message.Contains('\n', StringComparison.Ordinal) || ex.Message.Length > 4000 ? $"the refusal is not one short line: {ex.Message}" : null);
            }
#pragma warning disable CA1031 // Any other exception is the finding this test reports.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return (false, $"{ex.GetType().Name}: {ex.Message}");
            }
        }

        private static void Count(Dictionary<string, int> kinds, string description)
        {
            foreach (var kind in Kinds)
            {
                if (description.Contains(kind, StringComparison.Ordinal))
                {
                    kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                }
            }
        }
    }
}
