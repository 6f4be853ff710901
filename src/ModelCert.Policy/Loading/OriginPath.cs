namespace ModelCert.Policy.Loading;

/// <summary>
/// Display names for policy files: a file passed on the command line is shown as given; a file it extends is shown
/// relative to it the same way ("policies/lending.yaml" extending "./base.yaml" shows "policies/base.yaml"), so
/// diagnostics and provenance never carry machine-specific absolute paths the user did not type.
/// </summary>
internal static class OriginPath
{
    public static string Join(string parentOrigin, string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return relative;
        }

        var directory = Path.GetDirectoryName(parentOrigin) ?? string.Empty;
        var segments = new List<string>();
        var rooted = Path.IsPathRooted(parentOrigin);
        foreach (var segment in Path.Join(directory, relative).Split('/', '\\'))
        {
            if (segment is "." || (segment.Length == 0 && segments.Count > 0))
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] is not ".." and not "")
            {
                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            if (segment == ".." && rooted && segments.Count == 1)
            {
                continue;
            }

            segments.Add(segment);
        }

        var joined = string.Join('/', segments);
        var dotted = parentOrigin.StartsWith("./", StringComparison.Ordinal) && !joined.StartsWith("../", StringComparison.Ordinal) && !rooted;
        return dotted ? "./" + joined : joined;
    }
}
