namespace EcgAnomaly.Recordings;

/// <summary>ROC AUC of one AAMI class (or "all" other classes) against AAMI N, with the beat counts behind it and the
/// share of that class the threshold flags.</summary>
public sealed record ClassAuc(string Class, int Beats, int NormalBeats, double RocAuc, double FlaggedRate);
