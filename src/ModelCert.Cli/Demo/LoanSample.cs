using System.Globalization;
using System.Text;

namespace ModelCert.Cli.Demo;

/// <summary>
/// A deterministic synthetic loan-applications dataset with a deliberate bias: <c>postcode_risk</c> is a proxy
/// that runs higher for one sex although repayment does not depend on sex. A model that leans on the proxy
/// approves women less often; one that ignores it does not.
/// </summary>
internal static class LoanSample
{
    public const string Label = "repaid";

    public static readonly string[] Features = ["income", "debt_ratio", "credit_years", "postcode_risk"];

    /// <summary>Writes <paramref name="rows"/> applications to a CSV file; the same seed gives the same bytes.</summary>
    public static void Write(string path, int rows, int seed = 20240601)
    {
        var random = new Random(seed);
        var text = new StringBuilder("applicant_id,sex,age_group,income,debt_ratio,credit_years,postcode_risk,repaid\n");
        string[] ageGroups = ["under_30", "30_to_50", "over_50"];
        for (var i = 0; i < rows; i++)
        {
            var female = random.NextDouble() < 0.45;
            var ageGroup = ageGroups[random.Next(ageGroups.Length)];
            var income = Math.Round(25 + (60 * random.NextDouble()) + (ageGroup == "under_30" ? 0 : 10 * random.NextDouble()), 1);
            var debtRatio = Math.Round(0.1 + (0.5 * random.NextDouble()), 3);
            var creditYears = Math.Round(ageGroup switch { "under_30" => 1 + (5 * random.NextDouble()), _ => 3 + (15 * random.NextDouble()) }, 1);
            var postcodeRisk = Math.Round(Math.Clamp((female ? 0.65 : 0.35) + (0.2 * Gaussian(random)), 0, 1), 3);
            var logit = -2.0 + (0.05 * income) - (4.0 * debtRatio) + (0.08 * creditYears) + Gaussian(random);
            var repaid = logit > 0 ? 1 : 0;
            text.Append(CultureInfo.InvariantCulture, $"{i + 1},{(female ? "female" : "male")},{ageGroup},{income},{debtRatio},{creditYears},{postcodeRisk},{repaid}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
