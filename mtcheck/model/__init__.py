"""The trained model: arrays scored with numpy, stored without pickle."""
