import Foundation

/// Inverse cumulative distribution functions of the uncertainties' distributions: the value
/// below which a share `u` of plausible values lies.
enum UncertaintyQuantile {
    static func quantile(_ d: Uncertainty.Distribution, _ u: Double) -> Double {
        let u = Swift.min(Swift.max(u, 0), 1)
        switch d {
        case .uniform(let lo, let hi):
            return lo + (hi - lo) * u
        case .triangular(let lo, let mode, let hi):
            guard hi > lo else { return lo }
            let f = (mode - lo) / (hi - lo)
            return u < f ? lo + ((hi - lo) * (mode - lo) * u).squareRoot() : hi - ((hi - lo) * (hi - mode) * (1 - u)).squareRoot()
        case .truncatedNormal(let mean, let sd, let lo, let hi):
            let a = normalCDF((lo - mean) / sd), b = normalCDF((hi - mean) / sd)
            let p = a + (b - a) * u
            return Swift.min(hi, Swift.max(lo, mean + sd * normalQuantile(Swift.min(Swift.max(p, 1e-300), 1 - 1e-16))))
        case .discrete(let values):
            guard !values.isEmpty else { return 0 }
            return values[Swift.min(values.count - 1, Int(u * Double(values.count)))]
        }
    }
}

/// Standard normal distribution function (via erfc).
private func normalCDF(_ x: Double) -> Double { 0.5 * Foundation.erfc(-x / 2.0.squareRoot()) }

/// Standard normal quantile (Acklam's rational approximation, refined by one Halley step).
private func normalQuantile(_ p: Double) -> Double {
    let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
    let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let lo = 0.02425
    var x: Double
    if p < lo {
        let q = (-2 * Foundation.log(p)).squareRoot()
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    } else if p <= 1 - lo {
        let q = p - 0.5, r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    } else {
        let q = (-2 * Foundation.log(1 - p)).squareRoot()
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let e = normalCDF(x) - p
    let u = e * (2 * Double.pi).squareRoot() * Foundation.exp(x * x / 2)
    x -= u / (1 + x * u / 2)
    return x
}
