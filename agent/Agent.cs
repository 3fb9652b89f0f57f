using System.Diagnostics;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Dgm.Agent;

/// <summary>Limits of one run. Reaching any of them stops the run with that reason.</summary>
public sealed record Limits(int MaxSteps = 40, double WallSeconds = 900, long MaxTokens = 2_000_000, int MaxFormatErrors = 3);

/// <summary>
/// The agent: a linear chat history, one model call per step, every tool call executed and its result
/// appended. The trajectory is exactly what the model saw and is saved after every step.
/// </summary>
public sealed class Agent(IChatCompletionService chat, Kernel tools, Limits limits, Trajectory trajectory)
{
    public const string SystemPrompt = """
        You are a careful software engineer fixing a bug in a C# repository. Tools: bash (a persistent shell
        in the repository), view, create, str_replace, insert and undo_edit. Work in small steps: find the
        code the report is about, reproduce the problem with the tests (dotnet test), make the smallest
        fix, run the tests again. Do not edit tests. When the fix is done, answer with the single word DONE.
        """;

    public async Task<string> RunAsync(string task, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(SystemPrompt);
        history.AddUserMessage(task);
        trajectory.Record(history);
        var clock = Stopwatch.StartNew();
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
        var formatErrors = 0;
        for (var step = 1; step <= limits.MaxSteps; step++)
        {
            if (clock.Elapsed.TotalSeconds > limits.WallSeconds)
            {
                return trajectory.Stop("wall_time", $"over {limits.WallSeconds} s");
            }

            if (trajectory.Tokens > limits.MaxTokens)
            {
                return trajectory.Stop("token_budget", $"{trajectory.Tokens} tokens used");
            }

            ChatMessageContent reply;
            try
            {
                reply = await chat.GetChatMessageContentAsync(history, settings, tools, cancellationToken);
            }
            catch (Exception e) when (e is HttpOperationException or KernelException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
            {
                if (IsBudgetError(e))
                {
                    return trajectory.Stop("budget", e.Message);
                }

                trajectory.Note($"model error: {e.Message}");
                if (++formatErrors >= limits.MaxFormatErrors)
                {
                    return trajectory.Stop("model_errors", e.Message);
                }

                continue;
            }

            history.Add(reply);
            trajectory.CountTokens(reply);
            var calls = FunctionCallContent.GetFunctionCalls(reply).ToList();
            if (calls.Count == 0)
            {
                if ((reply.Content ?? "").Contains("DONE", StringComparison.Ordinal))
                {
                    trajectory.Record(history);
                    return trajectory.Stop("submitted", "the model said DONE");
                }

                if (++formatErrors >= limits.MaxFormatErrors)
                {
                    trajectory.Record(history);
                    return trajectory.Stop("format_errors", "the model answered without a tool call or DONE too often");
                }

                history.AddUserMessage("Use one of the tools, or answer DONE when the fix is complete.");
            }

            foreach (var call in calls)
            {
                FunctionResultContent result;
                try
                {
                    result = await call.InvokeAsync(tools, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    result = new FunctionResultContent(call, $"error: {e.Message}");
                }

                history.Add(result.ToChatMessage());
            }

            trajectory.Record(history);
        }

        return trajectory.Stop("max_steps", $"{limits.MaxSteps} steps");
    }

    private static bool IsBudgetError(Exception e) =>
        e is HttpOperationException { StatusCode: System.Net.HttpStatusCode.PaymentRequired }
        || e.Message.Contains("budget", StringComparison.OrdinalIgnoreCase);
}
