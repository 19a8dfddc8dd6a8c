namespace Aims.IntegrationTests; public class Smoke { [Test] public void Works() => 1.ShouldBe(1); }
