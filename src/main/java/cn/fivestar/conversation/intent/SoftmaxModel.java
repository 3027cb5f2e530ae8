package cn.fivestar.conversation.intent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Multinomial logistic regression over sparse binary features, trained by plain SGD with L2 decay. Small and
 * deterministic (fixed seed): a few hundred examples train in well under a second at start-up.
 */
final class SoftmaxModel {
  private static final int EPOCHS = 40;
  private static final double RATE = 0.2;
  private static final double L2 = 1e-5;

  private final List<String> labels;
  private final Map<String, double[]> weights;
  private final double[] bias;

  private SoftmaxModel(List<String> labels, Map<String, double[]> weights, double[] bias) {
    this.labels = labels;
    this.weights = weights;
    this.bias = bias;
  }

  /** A training example: its features and its label. */
  record Sample(Collection<String> features, String label) {}

  static SoftmaxModel train(List<Sample> samples) {
    List<String> labels = samples.stream().map(Sample::label).distinct().sorted().toList();
    int k = labels.size();
    Map<String, double[]> w = new HashMap<>();
    double[] bias = new double[k];
    List<Sample> order = new ArrayList<>(samples);
    Random random = new Random(20240601L);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      double rate = RATE / (1 + epoch * 0.1);
      for (Sample s : order) {
        double[] p = probabilities(w, bias, k, s.features());
        int y = labels.indexOf(s.label());
        for (int c = 0; c < k; c++) {
          double g = (c == y ? 1 : 0) - p[c];
          bias[c] += rate * g;
          for (String f : s.features()) {
            double[] wf = w.computeIfAbsent(f, x -> new double[k]);
            wf[c] += rate * (g - L2 * wf[c]);
          }
        }
      }
    }
    return new SoftmaxModel(labels, w, bias);
  }

  private static double[] probabilities(Map<String, double[]> w, double[] bias, int k, Collection<String> features) {
    double[] z = bias.clone();
    for (String f : features) {
      double[] wf = w.get(f);
      if (wf == null) continue;
      for (int c = 0; c < k; c++) z[c] += wf[c];
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) max = Math.max(max, v);
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) z[c] /= sum;
    return z;
  }

  /** Label → probability for the given features. */
  Map<String, Double> predict(Collection<String> features) {
    double[] p = probabilities(weights, bias, labels.size(), features);
    Map<String, Double> out = new HashMap<>();
    for (int c = 0; c < p.length; c++) out.put(labels.get(c), p[c]);
    return out;
  }

  List<String> labels() {
    return labels;
  }

  /** Writes the trained model (labels, bias, weights as floats: enough for probabilities). */
  void write(java.io.DataOutputStream out) throws java.io.IOException {
    out.writeInt(labels.size());
    for (String l : labels) out.writeUTF(l);
    for (double b : bias) out.writeDouble(b);
    out.writeInt(weights.size());
    for (Map.Entry<String, double[]> e : weights.entrySet()) {
      out.writeUTF(e.getKey());
      for (double v : e.getValue()) out.writeFloat((float) v);
    }
  }

  /** Reads a model written by {@link #write}. */
  static SoftmaxModel read(java.io.DataInputStream in) throws java.io.IOException {
    int k = in.readInt();
    List<String> labels = new ArrayList<>(k);
    for (int i = 0; i < k; i++) labels.add(in.readUTF());
    double[] bias = new double[k];
    for (int i = 0; i < k; i++) bias[i] = in.readDouble();
    int n = in.readInt();
    Map<String, double[]> w = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String f = in.readUTF();
      double[] wf = new double[k];
      for (int c = 0; c < k; c++) wf[c] = in.readFloat();
      w.put(f, wf);
    }
    return new SoftmaxModel(List.copyOf(labels), w, bias);
  }
}
