return EcgAnomaly.Cli.EcgAnomalyApp.Run(args);
