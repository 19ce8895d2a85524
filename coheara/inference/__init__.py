"""The local model: hardened Ollama client, prompt strategies, loop guard, and error mapping."""
