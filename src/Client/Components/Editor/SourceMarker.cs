namespace Playground.Client.Components.Editor;

/// <summary>A place in the code to mark in the editor: an error at its line and column (1-based), with its message.</summary>
public sealed record SourceMarker(int Line, int Column, string Message, int? EndLine = null, int? EndColumn = null);
