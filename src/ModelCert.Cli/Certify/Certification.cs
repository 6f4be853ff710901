using ModelCert.Core.Results;
using ModelCert.Policy;

namespace ModelCert.Cli.Certify;

/// <summary>What one certification produced: the results document and the resolved policy it was decided on.</summary>
internal sealed record Certification(ResultsDocument Document, ResolvedPolicy Policy);
