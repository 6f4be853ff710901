using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ModelCert.Core.Tests.Properties;

/// <summary>
/// Runs an FsCheck property inside an ordinary [Fact]: a fixed start seed so CI runs are repeatable, and a failure
/// throws with the counterexample and the assertion's own message.
/// </summary>
internal static class PropertyRunner
{
    public const int Tests = 100;

    public static void Hold<T>(Gen<T> generator, Action<T> property, int tests = Tests, ulong seed = 0x5EED_F00D) =>
        Check.One(Config(tests, seed), Prop.ForAll(generator.ToArbitrary(), property));

    private static Config Config(int tests, ulong seed) =>
        FsCheck.Config.QuickThrowOnFailure
            .WithMaxTest(tests)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E37_79B9_7F4A_7C15UL), FSharpOption<int>.None)));
}
