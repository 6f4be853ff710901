using System.Text;

using ModelCert.Policy.Parsing;
using ModelCert.Policy.Tests.Support;
using ModelCert.Policy.Yaml;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Seeded mutations of real policies: reading them reports problems, it never throws or hangs.</summary>
public sealed class FuzzTests
{
    private const int Seed = 20_261_122;

    private static readonly string Alphabet = "[]{}:,-&*!|>'\"#%@`?~ \n\t.0123456789abcxyzTF\\";

    public sealed class Mutations
    {
        [Fact]
        public void Should_turn_every_mutation_into_diagnostics_or_a_document()
        {
            // Given seeded random edits of every built-in pack
            var random = new Random(Seed);
            var sources = BuiltinPacks.Names.Select(BuiltinPacks.ReadText).ToArray();
            for (var i = 0; i < 3000; i++)
            {
                var text = Mutate(sources[i % sources.Length], random);

                // When each is read and parsed
                var bag = new DiagnosticBag("fuzz.yaml");
                var exception = Record.Exception(() =>
                {
                    if (SafeYamlReader.Read(text, bag) is { } root)
                    {
                        PolicyParser.Parse(root, bag);
                    }
                });

                // Then nothing throws, and every diagnostic has a position inside the text
                Assert.True(exception is null, $"iteration {i} (seed {Seed}) threw {exception}");
                var lines = text.Split('\n').Length;
                Assert.All(bag.Items, d => Assert.True(d.Line >= 1 && d.Line <= lines + 1 && d.Column >= 1, $"iteration {i}: bad position {d}"));
            }
        }

        [Fact]
        public void Should_survive_mutations_through_the_public_linter()
        {
            // Given a few hundred mutations written to disk
            var random = new Random(Seed + 1);
            var source = BuiltinPacks.ReadText("nyc-ll144");
            for (var i = 0; i < 200; i++)
            {
                var text = Mutate(source, random);

                // When linted / Then it answers with a list (possibly empty), never an exception
                var exception = Record.Exception(() => Lint.Of(text));
                Assert.True(exception is null, $"iteration {i} threw {exception}");
            }
        }

        private static string Mutate(string source, Random random)
        {
            var text = new StringBuilder(source);
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits && text.Length > 0; e++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    case 1:
                        text.Remove(at, Math.Min(random.Next(1, 20), text.Length - at));
                        break;
                    case 2:
                        text[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                    default:
                        var from = random.Next(text.Length);
                        var length = Math.Min(random.Next(1, 80), text.Length - from);
                        text.Insert(at, text.ToString(from, length));
                        break;
                }
            }

            return text.ToString();
        }
    }
}
