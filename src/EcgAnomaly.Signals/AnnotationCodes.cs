namespace EcgAnomaly.Signals;

/// <summary>WFDB annotation codes (ecgcodes.h): their mnemonics, which of them are beats, and their AAMI class.</summary>
public static class AnnotationCodes
{
    /// <summary>Largest code an annotation word can carry; 59-63 are the SKIP/NUM/SUB/CHN/AUX pseudo-codes.</summary>
    public const int MaxCode = 49;

    // Index = code, as WFDB's annstr table; "[n]" for the undefined and user-definable codes.
    private static readonly string[] Symbols =
    [
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S",
        "E", "j", "/", "Q", "~", "[15]", "|", "[17]", "s", "T",
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u",
        "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
        ")", "r", "[42]", "[43]", "[44]", "[45]", "[46]", "[47]", "[48]", "[49]",
    ];

    /// <summary>The mnemonic WFDB prints for <paramref name="code"/> ("N", "V", ...); "[code]" for codes it does not define.</summary>
    public static string Symbol(int code) => code >= 0 && code <= MaxCode ? Symbols[code] : $"[{code}]";

    /// <summary>The code whose mnemonic is <paramref name="symbol"/> ("N" is 1, "V" is 5), or null when WFDB defines none.</summary>
    public static int? FromSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        for (var code = 1; code <= MaxCode; code++)
        {
            // "[15]" stands for an undefined code, not a mnemonic a file would use.
            if (Symbols[code] == symbol && !(symbol.Length > 1 && symbol[0] == '[')) return code;
        }
        return null;
    }

    /// <summary>WFDB's isqrs: the codes that mark a QRS complex.</summary>
    public static bool IsBeat(int code) => code is (>= 1 and <= 13) or 25 or 30 or 34 or 35 or 38 or 41;

    /// <summary>The AAMI EC57 class of a beat code; null for codes that are not beats.</summary>
    public static AamiClass? ToAami(int code) => code switch
    {
        1 or 2 or 3 or 34 or 11 or 25 => AamiClass.N,
        8 or 4 or 7 or 9 or 35 => AamiClass.S,
        5 or 10 or 41 => AamiClass.V,
        6 => AamiClass.F,
        12 or 38 or 13 or 30 => AamiClass.Q,
        _ => null,
    };
}
