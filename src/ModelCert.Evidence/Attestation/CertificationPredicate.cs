using System.Text.Json.Nodes;

namespace ModelCert.Evidence.Attestation;

/// <summary>
/// The body of a <see cref="InTotoStatement.CertificationPredicateType"/> predicate: the verdict, the outcome of every
/// requirement, the digest of the resolved policy, the datasets' digests and the tool version. certify may build its
/// own JSON instead; this is the minimum an auditor reading the attestation expects.
/// </summary>
public sealed record CertificationPredicate(
    string Verdict,
    IReadOnlyList<RequirementOutcome> Requirements,
    string PolicySha256,
    IReadOnlyList<DatasetDigest> Datasets,
    string ToolVersion)
{
    /// <summary>The predicate as JSON, with snake_case names as in results.json.</summary>
    public JsonObject ToJson() => new()
    {
        ["verdict"] = Verdict,
        ["requirements"] = new JsonArray([.. Requirements.Select(Requirement)]),
        ["policy"] = new JsonObject { ["sha256"] = PolicySha256 },
        ["datasets"] = new JsonArray([.. Datasets.Select(d => (JsonNode)new JsonObject { ["role"] = d.Role, ["name"] = d.Name, ["sha256"] = d.Sha256 })]),
        ["tool"] = new JsonObject { ["name"] = "modelcert", ["version"] = ToolVersion },
    };

    private static JsonNode Requirement(RequirementOutcome requirement)
    {
        var node = new JsonObject { ["id"] = requirement.Id };
        if (requirement.Attribute is not null)
        {
            node["attribute"] = requirement.Attribute;
        }

        node["outcome"] = requirement.Outcome;
        return node;
    }
}

/// <summary>
/// One requirement's outcome (pass, fail, review, warn, error, skipped) by its stable id; a requirement checked per
/// protected attribute has one outcome per <see cref="Attribute"/>.
/// </summary>
public sealed record RequirementOutcome(string Id, string Outcome, string? Attribute = null);

/// <summary>A dataset by role (test, train, reference, production), name and SHA-256.</summary>
public sealed record DatasetDigest(string Role, string Name, string Sha256);
