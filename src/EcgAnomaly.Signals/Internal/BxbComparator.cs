namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// WFDB's bxb (app/bxb.c, revised 2020) step for step, so that every count agrees with the reference tool: the same
/// start-of-period rule, the same four pairing cases (with the 2002 look-ahead), VF episodes between VFON ([) and
/// VFOFF (]) in the reference, shutdown between NOISE annotations whose subtype has bits 4 and 5 set, and the RR
/// interval error. Its variables keep bxb's names (T/t reference/test time, A/a their labels, primes for the next).
/// </summary>
internal sealed class BxbComparator
{
    private const long Huge = long.MaxValue;
    private const int Noise = 14;
    private const int VfOn = 32;
    private const int VfOff = 33;
    private const char None = '\0';
    private const char Uncounted = '*';

    private readonly Stream reference;
    private readonly Stream test;
    private readonly long matchDt;
    private readonly long start;
    private readonly long endTime;
    private readonly long[,] matrix = new long[7, 7];
    private long shutDown;
    private double sumSquaredRrError;
    private long rrErrorCount;

    private char refLabel, refNextLabel, testLabel, testNextLabel;
    private long refTime, refNextTime, testTime, testNextTime;
    private long refRr, testRr;
    private long sdOnRef = -1, sdOffRef = -1, vfOnRef = -1, vfOffRef = -1;
    private long prevSdOnRef = -1, prevSdOffRef = -1, prevVfOnRef = -1, prevVfOffRef = -1;
    private long sdOnTest = -1, sdOffTest = -1, vfOnTest = -1, vfOffTest = -1;
    private long prevSdOnTest = -1, prevSdOffTest = -1, prevVfOnTest = -1;

    private BxbComparator(IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test, Ec57Options options)
    {
        this.reference = new Stream(reference);
        this.test = new Stream(test);
        matchDt = options.MatchWindow;
        start = options.StartSample;
        // bxb's end_time: positive is a sample, -1 the end of the reference annotations, 0 the end of either list.
        endTime = options.StopAtEitherEnd ? 0 : options.EndSample ?? -1;
        // Half a second to begin with, so that the division at the end rounds to the nearest second.
        shutDown = options.SamplesIn(0.5);
        SecondInSamples = options.SamplesIn(1);
    }

    private long SecondInSamples { get; }

    public static Ec57Counts Run(IReadOnlyList<WfdbAnnotation> reference, IReadOnlyList<WfdbAnnotation> test, Ec57Options options)
    {
        var run = new BxbComparator(reference, test, options);
        run.Compare();
        var msPerSample = 1000.0 / run.SecondInSamples;
        return new Ec57Counts(run.matrix, run.shutDown / run.SecondInSamples, run.sumSquaredRrError * msPerSample * msPerSample,
            run.rrErrorCount);
    }

    private void Compare()
    {
        do GetRef(); while (refTime < start);
        do GetTest(); while (testNextTime < start);

        // The last test annotation of the learning period may match the first reference beat of the test period.
        if (refTime - testTime < Math.Abs(refTime - testNextTime) && refTime - testTime <= matchDt)
        {
            if (refLabel != None || testLabel != None) Pair(refLabel, testLabel);
            GetRef();
            GetTest();
        }
        else
        {
            GetTest();
            if (testTime - start <= matchDt && Math.Abs(refTime - testNextTime) < Math.Abs(refTime - testTime)) GetTest();
        }

        while (Continues())
        {
            if (testTime < refTime)
            {
                if (refTime - testTime <= matchDt
                    && (refTime - testTime < Math.Abs(refTime - testNextTime)
                        || Math.Abs(refNextTime - testNextTime) < Math.Abs(refTime - testNextTime)))
                {
                    Pair(refLabel, testLabel);
                    GetRef();
                    GetTest();
                }
                else
                {
                    Pair(ReferencePseudoBeat(testTime), testLabel);
                    GetTest();
                }
            }
            else if (testTime - refTime <= matchDt
                && (testTime - refTime < Math.Abs(testTime - refNextTime)
                    || Math.Abs(testNextTime - refNextTime) < Math.Abs(testTime - refNextTime)))
            {
                Pair(refLabel, testLabel);
                GetTest();
                GetRef();
            }
            else
            {
                Pair(refLabel, TestPseudoBeat(refTime));
                GetRef();
            }
        }
    }

    private bool Continues() =>
        (endTime > 0 && (refTime <= endTime || testTime <= endTime))
        || (endTime == -1 && refTime != Huge)
        || (endTime == 0 && refTime != Huge && testTime != Huge);

    private void GetRef()
    {
        var previous = refTime;
        refTime = refNextTime;
        refLabel = refNextLabel;
        // An RR interval is not valid across the first or last beat, VF or shutdown.
        refRr = previous == 0 || refTime == Huge
            || (previous <= vfOnRef && vfOnRef < refTime) || (previous <= sdOnRef && sdOnRef < refTime)
            || (previous <= prevVfOnRef && prevVfOnRef < refTime) || (previous <= prevSdOnRef && prevSdOnRef < refTime)
            ? 0 : refTime - previous;

        while (reference.Next(out var annot))
        {
            if (AnnotationCodes.IsBeat(annot.Code))
            {
                refNextTime = annot.Sample;
                refNextLabel = Label(annot.Code);
                return;
            }
            if (annot.Code == Noise)
            {
                if ((annot.SubType & 0x30) != 0x30) continue;
                prevSdOnRef = sdOnRef;
                prevSdOffRef = sdOffRef;
                sdOnRef = annot.Sample;
                if (!reference.Next(out annot))
                {
                    refNextTime = sdOffRef = Huge;
                    refNextLabel = Uncounted;
                    return;
                }
                if (annot.Code == Noise && (annot.SubType & 0x30) != 0x30)
                {
                    sdOffRef = annot.Sample;
                }
                else
                {
                    // AHA files mark shutdown with one annotation in its middle: it spans the gap around it.
                    sdOnRef = (vfOffRef > refTime ? vfOffRef : refTime) + matchDt;
                    sdOffRef = annot.Sample - matchDt;
                    if (sdOnRef > sdOffRef) sdOnRef = sdOffRef;
                    reference.Unget(annot);
                }
            }
            else if (annot.Code == VfOn)
            {
                prevVfOnRef = vfOnRef;
                prevVfOffRef = vfOffRef;
                vfOnRef = annot.Sample;
                // Everything up to VFOFF, beats included, is left out.
                do
                {
                    if (!reference.Next(out annot))
                    {
                        refNextTime = Huge;
                        refNextLabel = Uncounted;
                        return;
                    }
                }
                while (annot.Code != VfOff);
                vfOffRef = annot.Sample;
            }
        }
        refNextTime = Huge;
        refNextLabel = Uncounted;
    }

    private void GetTest()
    {
        var previous = testTime;
        testTime = testNextTime;
        testLabel = testNextLabel;
        testRr = previous == 0 || testTime == Huge
            || (previous <= vfOnTest && vfOnTest < testTime) || (previous <= sdOnTest && sdOnTest < testTime)
            || (previous <= prevVfOnTest && prevVfOnTest < testTime) || (previous <= prevSdOnTest && prevSdOnTest < testTime)
            ? 0 : testTime - previous;

        while (test.Next(out var annot))
        {
            if (AnnotationCodes.IsBeat(annot.Code))
            {
                testNextTime = annot.Sample;
                testNextLabel = Label(annot.Code);
                return;
            }
            if (annot.Code == Noise)
            {
                if ((annot.SubType & 0x30) != 0x30) continue;
                prevSdOnTest = sdOnTest;
                prevSdOffTest = sdOffTest;
                sdOnTest = annot.Sample;
                if (!test.Next(out annot))
                {
                    testNextTime = Huge;
                    testNextLabel = Uncounted;
                    // bxb warns that an unterminated shutdown is not counted when the end of the period is unknown.
                    if (endTime > 0) shutDown += endTime - sdOnTest;
                    return;
                }
                if (annot.Code == Noise && (annot.SubType & 0x30) != 0x30)
                {
                    sdOffTest = annot.Sample;
                }
                else
                {
                    sdOnTest = (vfOffTest > testTime ? vfOffTest : testTime) + matchDt;
                    sdOffTest = annot.Sample - matchDt;
                    if (sdOnTest > sdOffTest) sdOnTest = sdOffTest;
                    test.Unget(annot);
                }
                shutDown += sdOffTest - sdOnTest;
            }
            else if (annot.Code == VfOn)
            {
                prevVfOnTest = vfOnTest;
                vfOnTest = annot.Sample;
                do
                {
                    if (!test.Next(out annot))
                    {
                        testNextTime = Huge;
                        testNextLabel = Uncounted;
                        return;
                    }
                }
                while (annot.Code != VfOff);
                vfOffTest = annot.Sample;
            }
        }
        testNextTime = Huge;
        testNextLabel = Uncounted;
    }

    // bxb's rpann: an unmatched detection inside reference VF is not counted at all ('*'), inside reference shutdown
    // it is an X, otherwise an O (an extra detection). Only the two latest VF and shutdown periods are known here.
    private char ReferencePseudoBeat(long time)
    {
        if ((vfOnRef != -1 && vfOnRef <= time && (time <= vfOffRef || vfOffRef == -1))
            || (prevVfOnRef != -1 && prevVfOnRef <= time && time <= prevVfOffRef))
            return Uncounted;
        return InShutdown(time, sdOnRef, sdOffRef, prevSdOnRef, prevSdOffRef) ? 'X' : 'O';
    }

    // bxb's tpann: an unmatched reference beat is an x inside the algorithm's shutdown, otherwise an o (missed).
    private char TestPseudoBeat(long time) => InShutdown(time, sdOnTest, sdOffTest, prevSdOnTest, prevSdOffTest) ? 'X' : 'O';

    private static bool InShutdown(long time, long on, long off, long previousOn, long previousOff) =>
        (on != -1 && on <= time && (time <= off || off == -1)) || (previousOn != -1 && previousOn <= time && time <= previousOff);

    private void Pair(char referenceLabel, char testLabel)
    {
        var row = Index(referenceLabel);
        var column = Index(testLabel);
        // '*' and the empty label are not counted; O and X rows have no o and x column.
        if (row >= 0 && column >= 0 && !(row >= (int)Ec57Label.O && column >= (int)Ec57Label.O)) matrix[row, column]++;
        if (refRr > 0 && testRr > 0)
        {
            double error = refRr - testRr;
            sumSquaredRrError += error * error;
            rrErrorCount++;
        }
    }

    private static int Index(char label) => label switch
    {
        'N' => (int)Ec57Label.N,
        'S' => (int)Ec57Label.S,
        'V' => (int)Ec57Label.V,
        'F' => (int)Ec57Label.F,
        'Q' => (int)Ec57Label.Q,
        'O' => (int)Ec57Label.O,
        'X' => (int)Ec57Label.X,
        _ => -1,
    };

    // bxb's amap, which differs from AnnotationCodes.ToAami: nodal and atrial escape beats (j, e) are S here, not N.
    private static char Label(int code) => code switch
    {
        1 or 2 or 3 or 25 => 'N',
        4 or 7 or 8 or 9 or 11 or 34 or 35 => 'S',
        5 or 10 or 41 => 'V',
        6 => 'F',
        12 or 13 or 30 or 38 => 'Q',
        _ => 'O',
    };

    /// <summary>getann and ungetann over a list: one annotation can be pushed back, and, as in WFDB, not one of code 0.</summary>
    private sealed class Stream(IReadOnlyList<WfdbAnnotation> annotations)
    {
        private int next;
        private WfdbAnnotation? pushedBack;

        public bool Next(out WfdbAnnotation annotation)
        {
            if (pushedBack is { } back)
            {
                pushedBack = null;
                annotation = back;
                return true;
            }
            if (next < annotations.Count)
            {
                annotation = annotations[next++];
                return true;
            }
            annotation = default;
            return false;
        }

        public void Unget(WfdbAnnotation annotation)
        {
            if (annotation.Code != 0) pushedBack = annotation;
        }
    }
}
