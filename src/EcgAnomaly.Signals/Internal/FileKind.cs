using System.Runtime.InteropServices;

namespace EcgAnomaly.Signals.Internal;

/// <summary>
/// What kind of file a path is, following symbolic links, without opening it: opening a FIFO for reading blocks until
/// someone writes to it, so a FIFO named inside an input would hang the tool forever. .NET reports FIFOs, devices and
/// sockets as ordinary files, so this asks the runtime's own native layer (System.Native's stat, the call File.Exists
/// makes), whose mode bits use its own stable constants on every Unix.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <returns>Null for a regular file or a path that does not exist; else what it is, in words ("a FIFO").</returns>
    public static string? NotRegular(string path)
    {
        if (System.IO.Directory.Exists(path)) return "a folder";
        if (OperatingSystem.IsWindows()) return null;
        int mode;
        try
        {
            // FileStatus starts with two int32s, flags then mode; the buffer is larger than the whole struct.
            var status = new byte[512];
            if (NativeMethods.SystemNative_Stat(path, status) != 0) return null;
            mode = BitConverter.ToInt32(status, 4);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        return (mode & TypeMask) switch
        {
            Regular => null,
            Fifo => "a FIFO (named pipe)",
            CharacterDevice or BlockDevice => "a device",
            Directory => "a folder",
            Socket => "a socket",
            _ => "not a regular file",
        };
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this package; one blittable call needs none.
        [DllImport("libSystem.Native", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int SystemNative_Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] output);
#pragma warning restore SYSLIB1054
    }
}
