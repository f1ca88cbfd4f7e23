namespace EcgAnomaly.Models;

/// <summary>
/// One configuration of the table: the spec, and beside it what the study claimed and what its own code gave when we
/// ran it (SEED-STUDY.md); both null for models the study did not have.
/// </summary>
public sealed record CatalogueEntry(string Name, ModelSpec Spec, double? StudyClaimedAuc, IReadOnlyList<double> StudyMeasuredAucs);
