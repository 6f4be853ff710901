using System.Text;

namespace ModelCert.Evidence.Report;

/// <summary>A linear map from data values to SVG coordinates.</summary>
internal readonly record struct LinearScale(double DomainLow, double DomainHigh, double RangeLow, double RangeHigh)
{
    public double Map(double value)
    {
        var span = DomainHigh - DomainLow;
        var t = span == 0 ? 0.5 : (value - DomainLow) / span;
        return RangeLow + (Math.Clamp(t, -0.05, 1.05) * (RangeHigh - RangeLow));
    }

    /// <summary>About <paramref name="count"/> round tick values (1, 2 or 5 times a power of ten) across the domain.</summary>
    public IReadOnlyList<double> Ticks(int count)
    {
        var span = DomainHigh - DomainLow;
        if (span <= 0 || count < 1)
        {
            return [DomainLow];
        }

        var raw = span / count;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / power) switch { <= 1 => power, <= 2 => 2 * power, <= 5 => 5 * power, _ => 10 * power };
        var ticks = new List<double>();
        for (var tick = Math.Ceiling(DomainLow / step) * step; tick <= DomainHigh + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Round(tick, 10) + 0.0);
        }

        return ticks;
    }
}

/// <summary>
/// Writes one inline SVG chart: an accessible root (<c>role="img"</c>, a title and a description), a plot area with
/// scales and axes, and shapes. All text goes through <see cref="Html.Escape"/>; coordinates are invariant, so the
/// same data gives the same bytes. No scripts, no external references.
/// </summary>
internal sealed class SvgChart
{
    private readonly StringBuilder svg = new();

    public SvgChart(double width, double height, string title, string description, (double Left, double Top, double Right, double Bottom) margin)
    {
        Width = width;
        Height = height;
        Left = margin.Left;
        Top = margin.Top;
        Right = width - margin.Right;
        Bottom = height - margin.Bottom;
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
            .Append(Html.Coordinate(width)).Append(' ').Append(Html.Coordinate(height))
            .Append("\" width=\"").Append(Html.Coordinate(width)).Append("\" height=\"").Append(Html.Coordinate(height))
            .Append("\" aria-label=\"").Append(Html.Escape(title)).Append("\">")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>")
            .Append("<desc>").Append(Html.Escape(description)).Append("</desc>");
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The plot area, in SVG units.</summary>
    public double Left { get; }

    public double Top { get; }

    public double Right { get; }

    public double Bottom { get; }

    public SvgChart Line(double x1, double y1, double x2, double y2, string cssClass)
    {
        svg.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(Html.Coordinate(x1)).Append("\" y1=\"").Append(Html.Coordinate(y1))
            .Append("\" x2=\"").Append(Html.Coordinate(x2)).Append("\" y2=\"").Append(Html.Coordinate(y2)).Append("\"/>");
        return this;
    }

    public SvgChart Rect(double x, double y, double width, double height, string cssClass, string? tooltip = null, string? style = null)
    {
        svg.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(Html.Coordinate(x)).Append("\" y=\"").Append(Html.Coordinate(y))
            .Append("\" width=\"").Append(Html.Coordinate(Math.Max(0, width))).Append("\" height=\"").Append(Html.Coordinate(Math.Max(0, height))).Append('"');
        if (style is not null)
        {
            svg.Append(" style=\"").Append(Html.Escape(style)).Append('"');
        }

        return Close("rect", tooltip);
    }

    public SvgChart Circle(double x, double y, double radius, string cssClass, string? tooltip = null)
    {
        svg.Append("<circle class=\"").Append(cssClass).Append("\" cx=\"").Append(Html.Coordinate(x)).Append("\" cy=\"").Append(Html.Coordinate(y))
            .Append("\" r=\"").Append(Html.Coordinate(radius)).Append('"');
        return Close("circle", tooltip);
    }

    /// <summary>An open polyline through the points (a curve).</summary>
    public SvgChart Polyline(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Points("polyline", points, cssClass);

    /// <summary>A closed polygon (an interval band).</summary>
    public SvgChart Polygon(IEnumerable<(double X, double Y)> points, string cssClass) =>
        Points("polygon", points, cssClass);

    /// <summary>Escaped text; <paramref name="anchor"/> is start, middle or end.</summary>
    public SvgChart Text(double x, double y, string text, string cssClass, string anchor = "start", double rotate = 0)
    {
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(Html.Coordinate(x)).Append("\" y=\"").Append(Html.Coordinate(y))
            .Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (rotate != 0)
        {
            svg.Append(" transform=\"rotate(").Append(Html.Coordinate(rotate)).Append(' ').Append(Html.Coordinate(x)).Append(' ').Append(Html.Coordinate(y)).Append(")\"");
        }

        svg.Append('>').Append(Html.Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>A horizontal axis at the bottom of the plot with ticks, tick labels, vertical grid lines and a label.</summary>
    public SvgChart XAxis(LinearScale scale, IReadOnlyList<double> ticks, string label, Func<double, string>? format = null)
    {
        foreach (var tick in ticks)
        {
            var x = scale.Map(tick);
            Line(x, Top, x, Bottom, "grid");
            Line(x, Bottom, x, Bottom + 4, "axis");
            Text(x, Bottom + 16, (format ?? TickLabel)(tick), "tick", "middle");
        }

        Line(Left, Bottom, Right, Bottom, "axis");
        return label.Length == 0 ? this : Text((Left + Right) / 2, Bottom + 32, label, "axis-label", "middle");
    }

    /// <summary>A vertical axis at the left of the plot with ticks, tick labels, horizontal grid lines and a label.</summary>
    public SvgChart YAxis(LinearScale scale, IReadOnlyList<double> ticks, string label, Func<double, string>? format = null)
    {
        foreach (var tick in ticks)
        {
            var y = scale.Map(tick);
            Line(Left, y, Right, y, "grid");
            Line(Left - 4, y, Left, y, "axis");
            Text(Left - 7, y + 4, (format ?? TickLabel)(tick), "tick", "end");
        }

        Line(Left, Top, Left, Bottom, "axis");
        return label.Length == 0 ? this : Text(Left - 40, (Top + Bottom) / 2, label, "axis-label", "middle", -90);
    }

    public override string ToString() => svg + "</svg>";

    private static string TickLabel(double value) => Html.Number(value);

    private SvgChart Points(string element, IEnumerable<(double X, double Y)> points, string cssClass)
    {
        svg.Append('<').Append(element).Append(" class=\"").Append(cssClass).Append("\" points=\"");
        var first = true;
        foreach (var (x, y) in points)
        {
            svg.Append(first ? string.Empty : " ").Append(Html.Coordinate(x)).Append(',').Append(Html.Coordinate(y));
            first = false;
        }

        svg.Append("\"/>");
        return this;
    }

    private SvgChart Close(string element, string? tooltip)
    {
        if (tooltip is null)
        {
            svg.Append("/>");
        }
        else
        {
            svg.Append("><title>").Append(Html.Escape(tooltip)).Append("</title></").Append(element).Append('>');
        }

        return this;
    }
}
