var t = TorchSharp.torch.ones(3);
Console.WriteLine(t.sum().item<float>());
