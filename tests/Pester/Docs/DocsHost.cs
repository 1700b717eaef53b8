// Compiled with Add-Type by DocsRunner.ps1 in the child PowerShell that runs the README blocks and the
// help examples. Two pieces a script cannot be: a host that types what a user would type at a prompt,
// and a trap for any request meant for another machine.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Threading;

namespace StageMapDocs
{
    /// <summary>
    /// The user at the keyboard: answers Read-Host -AsSecureString with the loopback token of the system
    /// the prompt names (Outreach or Salesforce), answers Yes to every confirmation, and keeps what was
    /// written to the host. A prompt it cannot answer fails the snippet with a message saying so.
    /// </summary>
    public sealed class DocsHost : PSHost
    {
        private readonly DocsHostUI _ui;

        public DocsHost(IDictionary<string, string> tokensByPromptWord)
        {
            _ui = new DocsHostUI(tokensByPromptWord);
        }

        public List<string> Prompts { get { return _ui.Prompts; } }

        public string Written { get { return _ui.Written.ToString(); } }

        public override CultureInfo CurrentCulture { get { return CultureInfo.InvariantCulture; } }

        public override CultureInfo CurrentUICulture { get { return CultureInfo.InvariantCulture; } }

        private readonly Guid _id = Guid.NewGuid();

        public override Guid InstanceId { get { return _id; } }

        public override string Name { get { return "StageMapDocsHost"; } }

        public override PSHostUserInterface UI { get { return _ui; } }

        public override Version Version { get { return new Version(1, 0); } }

        public override void EnterNestedPrompt() { throw new NotSupportedException("The docs harness has no nested prompt."); }

        public override void ExitNestedPrompt() { throw new NotSupportedException("The docs harness has no nested prompt."); }

        public override void NotifyBeginApplication() { }

        public override void NotifyEndApplication() { }

        /// <summary>The code the last 'exit' of a snippet asked for; null when it did not exit.</summary>
        public int? ExitCode { get; set; }

        public override void SetShouldExit(int exitCode) { ExitCode = exitCode; }

        private sealed class DocsHostUI : PSHostUserInterface
        {
            private readonly IDictionary<string, string> _tokens;
            private string _lastPrompt = "";

            public DocsHostUI(IDictionary<string, string> tokens) { _tokens = tokens; }

            public List<string> Prompts = new List<string>();

            public StringBuilder Written = new StringBuilder();

            public override PSHostRawUserInterface RawUI { get { return null; } }

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                Prompts.Add(message);
                for (var i = 0; i < choices.Count; i++)
                {
                    if (choices[i].Label.Replace("&", "") == "Yes") { return i; }
                }

                throw new NotSupportedException("The docs harness answers Yes to confirmations; this prompt has no Yes: " + message);
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
            {
                // Read-Host 'text' asks through Prompt with one field named by the text.
                var answers = new Dictionary<string, PSObject>();
                foreach (var field in descriptions)
                {
                    Prompts.Add(field.Name);
                    var secure = field.ParameterTypeFullName == typeof(SecureString).FullName;
                    answers[field.Name] = secure ? PSObject.AsPSObject(Token(field.Name)) : PSObject.AsPSObject(Answer(field.Name));
                }

                return answers;
            }

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName)
            {
                throw new NotSupportedException("The docs harness types no credential: " + message);
            }

            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options)
            {
                throw new NotSupportedException("The docs harness types no credential: " + message);
            }

            public override string ReadLine() { return Answer(_lastPrompt); }

            public override SecureString ReadLineAsSecureString() { return Token(_lastPrompt); }

            private string Answer(string prompt)
            {
                throw new NotSupportedException("The docs harness types only tokens; it cannot answer the prompt '" + prompt + "'.");
            }

            private SecureString Token(string prompt)
            {
                foreach (var pair in _tokens)
                {
                    if (prompt.IndexOf(pair.Key, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        var token = new SecureString();
                        foreach (var c in pair.Value) { token.AppendChar(c); }
                        token.MakeReadOnly();
                        return token;
                    }
                }

                throw new NotSupportedException("The docs harness types a token only when the prompt names its system (" + string.Join(", ", _tokens.Keys) + "); it cannot answer '" + prompt + "'.");
            }

            public override void Write(string value) { _lastPrompt = value; Written.Append(value); }

            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { Write(value); }

            public override void WriteLine(string value) { Written.AppendLine(value); }

            public override void WriteErrorLine(string value) { Written.AppendLine(value); }

            public override void WriteDebugLine(string message) { }

            public override void WriteProgress(long sourceId, ProgressRecord record) { }

            public override void WriteVerboseLine(string message) { }

            public override void WriteWarningLine(string message) { Written.AppendLine("WARNING: " + message); }
        }
    }

    /// <summary>
    /// An HTTP proxy on 127.0.0.1 that forwards nothing. The runner names it in HTTP(S)_PROXY and
    /// ALL_PROXY, with the loopback addresses in NO_PROXY, so a request for any other machine (from the
    /// module, Invoke-RestMethod, git or curl) arrives here instead; it is refused with 403 and its
    /// target kept for the failure message.
    /// </summary>
    public sealed class OffMachineTrap : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly List<string> _targets = new List<string>();

        public OffMachineTrap()
        {
            _listener.Start();
            var accepting = new Thread(Accept) { IsBackground = true, Name = "OffMachineTrap" };
            accepting.Start();
        }

        public string Address { get { return "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port; } }

        /// <summary>The targets asked for since the last call.</summary>
        public string[] TakeTargets()
        {
            lock (_targets)
            {
                var taken = _targets.ToArray();
                _targets.Clear();
                return taken;
            }
        }

        public void Dispose() { _listener.Stop(); }

        private void Accept()
        {
            while (true)
            {
                TcpClient client;
                try { client = _listener.AcceptTcpClient(); }
                catch (SocketException) { return; }
                catch (ObjectDisposedException) { return; }

                ThreadPool.QueueUserWorkItem(_ => Refuse(client));
            }
        }

        private void Refuse(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    stream.ReadTimeout = 5000;
                    var request = new StringBuilder();
                    var buffer = new byte[1];
                    while (request.Length < 8192 && stream.Read(buffer, 0, 1) == 1)
                    {
                        request.Append((char)buffer[0]);
                        if (request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)) { break; }
                    }

                    // "CONNECT host:443 HTTP/1.1" for https, "GET http://host/path HTTP/1.1" for http.
                    var firstLine = request.ToString().Split(new[] { "\r\n" }, StringSplitOptions.None)[0];
                    var parts = firstLine.Split(' ');
                    var target = parts.Length > 1 ? parts[0] + " " + parts[1] : firstLine;
                    lock (_targets) { _targets.Add(target); }

                    var body = Encoding.ASCII.GetBytes("The StageMap docs harness refused a request for another machine: " + target);
                    var head = Encoding.ASCII.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " + body.Length + "\r\n\r\n");
                    stream.Write(head, 0, head.Length);
                    stream.Write(body, 0, body.Length);
                }
                catch (Exception)
                {
                    // A client that hung up; its target, if read, is kept.
                }
            }
        }
    }
}
