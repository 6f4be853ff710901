using System.Runtime.CompilerServices;

// The row hash and its set are internal; their edge cases (zero keys, growth, wide integers) are tested directly.
[assembly: InternalsVisibleTo("ModelCert.Core.Tests")]
