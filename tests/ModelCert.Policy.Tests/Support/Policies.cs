namespace ModelCert.Policy.Tests.Support;

/// <summary>Small policy texts for tests; line numbers in assertions refer to these layouts.</summary>
internal static class Policies
{
    public static readonly SubmissionContext Classification = new("binary_classification", "high", "US");

    /// <summary>
    /// A valid policy with one requirement. Line 1 apiVersion, 2 kind, 3 metadata, 4 name, 5 version, 6 requirements,
    /// 7 "- id:", 8 check, 9 threshold, 10 min; text appended to it starts at line 11.
    /// </summary>
    public static string One(string name = "p", string id = "r1", string check = "performance.accuracy", double min = 0.7, string version = "1.0.0") =>
        $"""
        apiVersion: modelcert/v1
        kind: Policy
        metadata:
          name: {name}
          version: {version}
        requirements:
          - id: {id}
            check: {check}
            threshold:
              min: {min.ToString(System.Globalization.CultureInfo.InvariantCulture)}

        """;

    /// <summary>A policy header (lines 1-5) followed by <paramref name="body"/> from line 6.</summary>
    public static string With(string body, string name = "p") =>
        $"""
        apiVersion: modelcert/v1
        kind: Policy
        metadata:
          name: {name}
          version: 1.0.0

        """ + body;
}
