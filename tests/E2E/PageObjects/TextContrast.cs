using Microsoft.Playwright;

namespace Playground.Tests.E2E.PageObjects;

/// <summary>
/// The contrast ratio (WCAG's) of text against what lies under it: the colours as the browser computed
/// them, painted on a canvas (each background from the page's down to the text's own element, then the
/// text) so that translucent colours and color-mix() count as drawn.
/// </summary>
public static class TextContrast
{
    /// <summary>One ratio per element <paramref name="text"/> matches.</summary>
    public static Task<double[]> OfAsync(ILocator text) => text.EvaluateAllAsync<double[]>("""
        names => names.map(who => {
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 1;
            const g = canvas.getContext('2d', { willReadFrequently: true });
            const backgrounds = [];
            for (let e = who; e; e = e.parentElement) backgrounds.unshift(getComputedStyle(e).backgroundColor);
            g.fillStyle = '#fff';
            g.fillRect(0, 0, 1, 1);
            for (const bg of backgrounds) { g.fillStyle = bg; g.fillRect(0, 0, 1, 1); }
            const under = [...g.getImageData(0, 0, 1, 1).data];
            g.fillStyle = getComputedStyle(who).color;
            g.fillRect(0, 0, 1, 1);
            const text = [...g.getImageData(0, 0, 1, 1).data];
            const lum = ([r, gr, b]) => [r, gr, b].map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
            const [hi, lo] = [lum(text), lum(under)].sort((a, b) => b - a);
            return (hi + 0.05) / (lo + 0.05);
        })
        """);
}
