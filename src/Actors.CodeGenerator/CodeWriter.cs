using System;
using System.Text;

namespace Platform.Actors.CodeGenerator;

/// <summary>A string builder that keeps track of indentation, so the emitter can read like the code it writes.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes an opening brace; disposing the result writes the closing one.</summary>
    public IDisposable Block(string closing = "}")
    {
        Line("{");
        _depth++;
        return new Closer(this, closing);
    }

    public void Indent() => _depth++;

    public void Unindent() => _depth--;

    public override string ToString() => _text.ToString();

    private sealed class Closer(CodeWriter writer, string closing) : IDisposable
    {
        public void Dispose()
        {
            writer._depth--;
            writer.Line(closing);
        }
    }
}
