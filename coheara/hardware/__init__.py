"""RAM and GPU memory detection, and the choice of model variant that really fits."""
