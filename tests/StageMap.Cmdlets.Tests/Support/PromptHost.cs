using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;

namespace StageMap.Cmdlets.Tests.Support;

/// <summary>
/// A host that records every confirmation prompt (ShouldProcess and ShouldContinue both ask through
/// PromptForChoice) and answers it with <see cref="Answer"/>, and keeps what is written to it
/// (the -WhatIf lines).
/// </summary>
public sealed class PromptHost : PSHost
{
    private readonly PromptHostUI _ui = new();

    public List<string> Prompts => _ui.Prompts;

    public string Written => _ui.Written.ToString();

    /// <summary>The label of the choice to answer with: "Yes" or "No".</summary>
    public string Answer { get => _ui.Answer; set => _ui.Answer = value; }

    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "StageMapPromptHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode)
    {
    }

    private sealed class PromptHostUI : PSHostUserInterface
    {
        public List<string> Prompts { get; } = new();

        public StringBuilder Written { get; } = new();

        public string Answer { get; set; } = "Yes";

        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            for (var i = 0; i < choices.Count; i++)
            {
                if (choices[i].Label.Replace("&", "") == Answer)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"No choice '{Answer}' among {choices.Count}.");
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException();

        public override string ReadLine() => throw new NotSupportedException();

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

        public override void Write(string value) => Written.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Written.Append(value);

        public override void WriteLine(string value) => Written.AppendLine(value);

        public override void WriteErrorLine(string value) => Written.AppendLine(value);

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
        }
    }
}
