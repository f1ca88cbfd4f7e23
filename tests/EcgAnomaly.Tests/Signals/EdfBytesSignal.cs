namespace EcgAnomaly.Tests.Signals;

/// <summary>One signal's header fields for <see cref="EdfBytes"/>, as text so that a test can write anything.</summary>
internal sealed record EdfBytesSignal(
    string Label = "ECG II",
    string Units = "uV",
    string PhysicalMin = "-3276.8",
    string PhysicalMax = "3276.7",
    string DigitalMin = "-32768",
    string DigitalMax = "32767",
    string Samples = "4");
