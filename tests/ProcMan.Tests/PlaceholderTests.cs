namespace ProcMan.Tests; public class PlaceholderTests { [Xunit.Fact] public void Works() { } }
