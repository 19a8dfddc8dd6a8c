namespace Aims.BuildingBlocks; public static class Placeholder {}
