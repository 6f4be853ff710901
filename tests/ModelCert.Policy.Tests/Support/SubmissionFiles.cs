using ModelCert.Policy.Submissions;

namespace ModelCert.Policy.Tests.Support;

/// <summary>Submission texts for tests, loaded from a temporary folder; diagnostics are shown with the file name only.</summary>
internal static class SubmissionFiles
{
    /// <summary>The smallest valid submission: lines 1-4; text appended to it starts at line 5.</summary>
    public const string Minimal = "apiVersion: modelcert/v1\nkind: Submission\ndata:\n  test: test.csv\n";

    /// <summary>A submission using every field except <c>predictions</c> (which cannot go with <c>model.file</c>); line numbers matter.</summary>
    public const string Full = """
        apiVersion: modelcert/v1
        kind: Submission
        model:
          name: loan-approval
          version: "1.4.0"
          file: models/loan.onnx
          task: binary_classification
          threshold: 0.35
          positive_index: 1
          features: [income, age, tenure]
          input_map: { region_code: region }
        data:
          test: data/test.csv
          train: data/train.csv
          label: income
          positive: ">50K"
        protected:
          attributes: [sex, race]
          intersections: false
          privileged: { sex: Male, race: White }
        policies: [builtin:four-fifths, policies/lending.yaml]
        evaluation:
          profile: aif360
          replicates: 2000
          confidence: 0.9
          seed: 18446744073709551615
        context:
          risk_tier: high
          jurisdiction: US-NY
        output:
          dir: results
          format: junit
        provenance:
          source: Loan applications 2019-2023 from the core banking system
          collection_period: 2019-01 to 2023-12
          legal_basis: Legitimate interest, GDPR Art. 6(1)(f)
          consent_column: consented
          retention_until: 2030-12-31
        card:
          intended_use: Pre-screening of consumer loan applications, with a human decision
          out_of_scope_uses: Employment or housing decisions
          owner: Credit Risk Analytics
          contact: model-risk@bank.example
          limitations: |
            Trained on applicants from one country;
            not validated for small-business loans.
          ethical_considerations: Income is a proxy for protected traits in some regions
          training_data: data/train.csv, 48,000 applications
          evaluation_data: data/test.csv, 12,000 applications

        """;

    /// <summary>Loads <paramref name="yaml"/> written as modelcert.yaml (optionally under a sub-folder).</summary>
    public static SubmissionSpec Load(string yaml, string name = "modelcert.yaml")
    {
        using var folder = new PolicyFolder();
        folder.Write(name, yaml);
        return SubmissionParser.Load(folder.PathOf(name));
    }

    /// <summary>The diagnostics of <paramref name="yaml"/>, printed as file:line:column: message with the file name only.</summary>
    public static string[] Errors(string yaml)
    {
        using var folder = new PolicyFolder();
        folder.Write("modelcert.yaml", yaml);
        return Errors(folder, "modelcert.yaml");
    }

    public static string[] Errors(PolicyFolder folder, string name)
    {
        try
        {
            SubmissionParser.Load(folder.PathOf(name));
        }
        catch (PolicyException error)
        {
            return [.. error.Diagnostics.Select(d => (d with { File = Path.GetRelativePath(folder.Root, d.File) }).ToString())];
        }

        throw new Xunit.Sdk.XunitException($"expected a PolicyException, but {name} loaded");
    }
}
